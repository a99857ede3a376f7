import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/vault/build-vault.ts';
import { LIST_LIMITS } from '../../src/vault/stages/list-pages.ts';
import { buildVault, type FolderPage, type ListPage, type NotePage, type ServicePage, type SourceFile, type TagPage, type Vault } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const catalog = note('services.yaml', '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://aws.amazon.com/s3/\n');
const files = (notes: SourceFile[]) => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], catalog });
const many = (count: number, folder: string, text: (i: number) => string) => Array.from({ length: count }, (_, i) => note(`${folder}/Note ${String(i).padStart(4, '0')}.md`, text(i)));
const at = (vault: Vault, slug: string) => vault.bySlug.get(slug as never);
const listAt = (vault: Vault, slug: string) => at(vault, slug) as ListPage;

describe('long lists, on pages of their own', () => {
  it('keeps a note’s first passages on its page and lists them all on pages that follow one another', () => {
    const vault = buildVault(files([note('Target.md', 'The target.\n'), ...many(120, 'Links', (i) => `Passage ${i} on [[Target]].\n`)]));
    const target = at(vault, 'target') as NotePage;
    expect(target.backlinks).toHaveLength(120);
    expect(target.more).toEqual({ total: 120, shown: LIST_LIMITS.backlinks, href: '/target/linked-from/' });
    const pages = ['target/linked-from', 'target/linked-from/2', 'target/linked-from/3'].map((slug) => listAt(vault, slug));
    expect(pages.map((page) => page.items.kind === 'passages' && page.items.passages.length)).toEqual([50, 50, 20]);
    expect(pages.map((page) => page.pagination.number)).toEqual([1, 2, 3]);
    expect(pages[1]!.pagination).toMatchObject({ count: 3, first: { slug: 'target/linked-from' }, previous: { slug: 'target/linked-from' }, next: { slug: 'target/linked-from/3' }, last: { slug: 'target/linked-from/3' } });
    expect(pages[0]!.pagination.previous).toBeUndefined();
    expect(pages[0]!).toMatchObject({ kind: 'list', owner: { slug: 'target', href: '/target/' }, what: 'Linked from', title: 'Target: Linked from (page 1)' });
    // Every passage once, in order, across the pages.
    const listed = pages.flatMap((page) => (page.items.kind === 'passages' ? page.items.passages : []));
    expect(listed.map((p) => p.excerpt)).toEqual(target.backlinks.map((p) => p.excerpt));
  });

  it('leaves a short list whole, with no page of its own', () => {
    const vault = buildVault(files([note('Target.md', 'x\n'), ...many(LIST_LIMITS.backlinks, 'Links', () => '[[Target]]\n')]));
    expect((at(vault, 'target') as NotePage).more).toBeUndefined();
    expect(vault.pages.some((page) => page.kind === 'list')).toBe(false);
  });

  it('gives a folder’s and a tag’s notes after the first hundred pages numbered from 2, the folder’s own being the first', () => {
    const vault = buildVault(files(many(250, 'Big', (i) => `#topic note ${i}\n`)));
    const folder = [...vault.folders.values()].find((f) => f.folder === 'Big')!;
    expect(folder.more).toEqual({ total: 250, shown: 100, href: '/folders/big/2/' });
    expect(at(vault, 'folders/big')).toBe(folder);
    const second = listAt(vault, 'folders/big/2');
    const third = listAt(vault, 'folders/big/3');
    expect(second.items.kind === 'links' && second.items.links.map((l) => l.title)).toEqual(folder.notes.slice(100, 200).map((l) => l.title));
    expect(second.pagination).toMatchObject({ number: 2, count: 3, first: { slug: 'folders/big' }, previous: { slug: 'folders/big' }, next: { slug: 'folders/big/3' } });
    expect(third.items.kind === 'links' && third.items.links).toHaveLength(50);
    const tag = at(vault, 'tags/topic') as TagPage;
    expect(tag.more).toEqual({ total: 250, shown: 100, href: '/tags/topic/2/' });
    expect(listAt(vault, 'tags/topic/3').pagination.last.slug).toBe('tags/topic/3');
  });

  it('gives way to a page that wants the same address', () => {
    const vault = buildVault(files([note('Target.md', 'x\n'), note('Target/Linked From.md', 'A note of its own.\n'), ...many(30, 'Links', () => '[[Target]]\n')]));
    expect(at(vault, 'target/linked-from')?.kind).toBe('note');
    expect((at(vault, 'target') as NotePage).more?.href).toBe('/target/linked-from-2/');
    expect(at(vault, 'target/linked-from-2')?.kind).toBe('list');
  });

  it('shows each section of a large hub in part, the links to its name more than each sub-feature, and lists each whole', () => {
    const notes = many(80, 'Links', (i) => (i % 2 ? `Uses [[S3]], ${i}.\n` : `About [[S3#Versioning]], ${i}.\n`));
    const vault = buildVault(files(notes));
    const hub = at(vault, 'services/amazon-s3') as ServicePage;
    const [general, versioning] = hub.sections;
    expect(general!.more).toEqual({ total: 40, shown: LIST_LIMITS.sectionPreview.general, href: '/services/amazon-s3/linked-from/' });
    expect(versioning!.more).toEqual({ total: 40, shown: LIST_LIMITS.sectionPreview.feature, href: '/services/amazon-s3/versioning/' });
    const list = listAt(vault, 'services/amazon-s3/versioning');
    expect(list).toMatchObject({ what: 'Versioning', owner: { slug: 'services/amazon-s3' } });
    expect(list.items.kind === 'passages' && list.items.passages).toHaveLength(40);
  });

  it('claims the list pages’ addresses after every other page’s', () => {
    const stages = runStages(files([note('Target.md', 'x\n'), ...many(30, 'Links', () => '[[Target]]\n')]));
    expect(stages.lists.taken.has('target/linked-from' as never)).toBe(true);
    expect(stages.lists.lists.map((page) => page.slug)).toEqual(['target/linked-from']);
    expect((stages.lists.pages.find((page) => page.slug === 'folders/links') as FolderPage).more).toBeUndefined();
  });
});
