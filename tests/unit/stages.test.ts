import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/vault/build-vault.ts';
import { buildLinkIndex } from '../../src/vault/link-index.ts';
import { finishText, finishTree, type PartJob } from '../../src/vault/stages/finish/finish-part.ts';
import { needsTree } from '../../src/vault/stages/finish/fill-links.ts';
import { linkRenderer } from '../../src/vault/stages/finish/link-renderings.ts';
import { partLookups } from '../../src/vault/stages/finish/part-lookups.ts';
import { vaultUrlResolver } from '../../src/vault/stages/finish/vault-urls.ts';
import { partKey } from '../../src/vault/stages/section-services.ts';
import { readVault, type BuildOptions, type SourceFile, type VaultFiles } from '../../src/vault/index.ts';
import { fixture } from '../helpers/fixtures.ts';
import { PROFILES } from '../../scripts/generate-vault.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const vaultOf = (notes: SourceFile[], extra: Partial<VaultFiles> = {}): VaultFiles => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], ...extra });
const catalog: SourceFile = note('services.yaml', '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://aws.amazon.com/s3/\n');

describe('the stages of the model', () => {
  it('number every link across the vault, each note from where the last one ended', () => {
    const { numbered } = runStages(vaultOf([note('A.md', '[[B]] and [[C]]\n'), note('B.md', '[[A]]\n'), note('C.md', 'No links.\n'), note('D.md', '[[A]] [[B]] [[C]]\n')]));
    expect(numbered.links.map((link) => [link.from, link.index])).toEqual([['A.md', 0], ['A.md', 1], ['B.md', 2], ['D.md', 3], ['D.md', 4], ['D.md', 5]]);
    expect(Object.fromEntries(numbered.offsets)).toEqual({ 'A.md': 0, 'B.md': 2, 'C.md': 3, 'D.md': 3 });
    expect(numbered.byNumber[4]!.target.path).toBe('B');
  });

  it('give every page an address around the site’s own, and report the note that wanted one of them', () => {
    const files = vaultOf([note('Tags.md', 'About tags.\n'), note('Guide.md', '# Part One\n\nA.\n\n# Part Two\n\nB.\n')]);
    const reserved = runStages(files, { reservedSlugs: ['tags', 'search'] });
    expect(Object.fromEntries(reserved.addresses.slugs)).toEqual({ 'Guide.md': ['guide', 'guide/part-one', 'guide/part-two'], 'Tags.md': ['tags-2'] });
    expect(reserved.addresses.problems).toEqual([expect.objectContaining({ rule: 'slug-clash', file: 'Tags.md', message: expect.stringContaining('/tags/ is taken') })]);
    expect(reserved.addresses.partAt.get('guide/part-two' as never)).toMatchObject({ part: 2 });
    expect(Object.fromEntries(runStages(files).addresses.slugs)['Tags.md']).toEqual(['tags']);
  });

  it('resolve each link with the problems it met, in link order', () => {
    const files = vaultOf([
      note('Home.md', '[[Guide#Part Two]] [[Guide#Nowhere]] [[Missing]] [[S3#Versioning]] [[../outside]] [[Guide#^fact]]\n'),
      note('Guide.md', '# Part One\n\nA fact. ^fact\n\n# Part Two\n\nB.\n'),
    ], { catalog });
    const { resolved, numbered } = runStages(files);
    const kinds = numbered.links.map((link) => resolved.resolutions[link.index]);
    expect(kinds).toEqual([
      { kind: 'page', note: 'Guide.md', slug: 'guide/part-two' },
      { kind: 'page', note: 'Guide.md', slug: 'guide' },
      { kind: 'gathered', key: 'stub:missing' },
      { kind: 'gathered', key: 'service:amazon-s3', heading: 'Versioning' },
      { kind: 'none' },
      { kind: 'page', note: 'Guide.md', slug: 'guide/part-one', fragment: '^fact' },
    ]);
    expect(resolved.problems.map((p) => p.rule)).toEqual(['missing-heading', 'unresolved-link', 'outside-vault']);
  });

  it('gather a hub’s sections in link order, never taking an id the page’s layout uses', () => {
    const files = vaultOf([note('Home.md', '[[S3#Linked from]] then [[S3]] then [[Amazon S3#Buckets]]\n')], { catalog });
    const sectionsOf = (options: BuildOptions) => [...runStages(files, options).gathered.byKey.get('service:amazon-s3')!.sections.values()];
    expect(sectionsOf({ layoutIds: ['linked-from'] })).toEqual([{ heading: 'Linked from', id: 'linked-from-1' }, { id: 'linked-from' }, { heading: 'Buckets', id: 'buckets' }]);
    expect(sectionsOf({})[0]).toEqual({ heading: 'Linked from', id: 'linked-from' });
  });

  it('claim a stub’s address where the first link to its name stands', () => {
    const files = vaultOf([note('A.md', 'x\n\n[[Missing Note]]\n'), note('B.md', '[[missing note#Part]]\n'), note('Stubs.md', '')]);
    const { gathered } = runStages(files, { reservedSlugs: ['stubs'] });
    expect(gathered.stubs).toEqual([{ key: 'stub:missing note', target: 'Missing Note' }]);
    expect(gathered.byKey.get('stub:missing note')).toMatchObject({ slug: 'stubs/missing-note' });
    expect([...gathered.byKey.get('stub:missing note')!.sections.values()]).toEqual([{ id: 'linked-from' }, { heading: 'Part', id: 'part' }]);
  });

  it('find, for each section of a page, the services it links to or names', () => {
    const files = vaultOf([note('Guide.md', 'Intro names Amazon S3.\n\n## Storage\n\nKeep it in [[S3]].\n\n## Elsewhere\n\nNothing.\n')], { catalog });
    const { sections } = runStages(files);
    const named = sections.get(partKey('Guide.md' as never, 0))!;
    expect([...named].map(([id, services]) => [id, [...services].map((s) => s.name)])).toEqual([
      ['storage', ['Amazon S3']],
      ['', ['Amazon S3']],
    ]);
  });

  it('collect a page’s backlinks from other pages only, and count every link', () => {
    const files = vaultOf([note('A.md', '# A\n\n## Here\n\nSee [[B]] and [[#Here]].\n'), note('B.md', 'Back to [[A]], [[Missing]] and [[Private]].\n'), note('Private.md', '---\npublish: false\n---\nHidden.\n')]);
    const { backlinks } = runStages(files);
    expect(backlinks.byPage.get('b' as never)!.map((b) => [b.from.slug, b.trail, b.href])).toEqual([['a', ['A', 'Here'], '/a/#here']]);
    expect(backlinks.byPage.get('a' as never)!.map((b) => b.from.slug)).toEqual(['b']);
    expect(backlinks.counts).toEqual({ resolved: 3, toStubs: 1, toPrivate: 1 });
  });

  it('make no tag page of an empty tag item, a null or an empty string', () => {
    const files = vaultOf([
      note('A.md', '---\ntags:\n  - \n---\nA plugin note.\n'),
      note('B.md', '---\ntags:\n---\nNo tags.\n'),
      note('C.md', '---\ntags: ""\n---\nNone.\n'),
      note('D.md', '---\ntags:\n  - plugin\n  - \n---\nOne.\n'),
    ]);
    expect(runStages(files).tagPages.map((page) => [page.tag, page.pages.map((p) => p.slug)])).toEqual([['plugin', ['d']]]);
  });

  it('make one page of each note of a community-shaped vault, whose notes have a title and a footer heading', () => {
    const generated = PROFILES.community({ notes: 500, seed: 'stages' });
    const files = vaultOf([...generated].map(([path, text]) => note(path, text)));
    const { notePages, tagPages, problems } = runStages(files);
    expect(notePages.pages.every((page) => page.kind === 'note')).toBe(true);
    expect(notePages.pages).toHaveLength(499);
    expect(problems.filter((p) => p.rule === 'bad-frontmatter')).toHaveLength(1);
    expect(tagPages.map((page) => page.tag).sort()).toEqual(['people', 'plugins', 'themes', 'topics']);
  });

  it('finish a part from its text as it would from its tree, in every fixture vault', async () => {
    let compared = 0;
    for (const name of ['links-vault', 'conformance-vault', 'services-vault', 'markdown-vault', 'embeds-vault']) {
      const files = await readVault(fixture(name));
      const stages = runStages(files);
      const { site, numbered, resolved, addresses, published, gathered, hubs } = stages;
      const vaultUrl = vaultUrlResolver({ site, notes: buildLinkIndex(published.linkable.filter((n) => n.published)), privateNotes: buildLinkIndex(published.linkable.filter((n) => !n.published)), attachments: buildLinkIndex([]), addresses });
      const lookups = partLookups({ site, numbered, resolved, addresses, renderingOf: linkRenderer(site, gathered, hubs), vaultUrl });
      for (const prepared of numbered.notes) {
        prepared.parts.forEach((part, index) => {
          if (needsTree(part.body)) return;
          const named = stages.sections.get(partKey(prepared.path, index));
          const job: PartJob = {
            note: prepared,
            index,
            part,
            slug: addresses.slugs.get(prepared.path)![index]!,
            offset: numbered.offsets.get(prepared.path)!,
            links: numbered.linksByPart.get(prepared.path)![index] ?? [],
            sections: new Map([...(named ?? [])].map(([id, services]) => [id, [...services].map(stages.serviceLink)])),
          };
          expect(finishText(job, lookups), `${name}: ${prepared.path} part ${index}`).toEqual(finishTree(job, lookups));
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
