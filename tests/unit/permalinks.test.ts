import { describe, expect, it } from 'vitest';
import { buildVault, type SourceFile, type VaultFiles } from '../../src/vault/index.ts';
import { addressOf } from '../../src/vault/stages/permalinks.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const vaultOf = (notes: SourceFile[], extra: Partial<VaultFiles> = {}): VaultFiles => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], ...extra });
const redirectsOf = (files: VaultFiles) => buildVault(files, { reservedSlugs: ['tags', 'search'] }).redirects.map((r) => `${r.slug} → ${r.to.slug}`);

describe('permalinks', () => {
  it('are read as Obsidian Publish writes them, made Quire addresses', () => {
    expect(addressOf('links')).toBe('links');
    expect(addressOf('/Publish/Permalinks/')).toBe('publish/permalinks');
    expect(addressOf('Guides/Making%20friends')).toBe('guides/making-friends');
    expect(addressOf('old/page.html')).toBe('old/page');
    expect(addressOf('./a/../b')).toBe('a/b');
    expect(addressOf('///')).toBeUndefined();
  });

  it('move a note, its chapters below it, and send its former addresses there', () => {
    const files = vaultOf([note('Book.md', '---\npermalink: manual\nbook: true\n---\nIntro.\n\n# One\n\nA.\n\n# Two\n\nB.\n')]);
    const vault = buildVault(files);
    expect(vault.pages.filter((p) => p.kind !== 'folder').map((p) => p.slug)).toEqual(['manual', 'manual/one', 'manual/two']);
    expect(redirectsOf(files)).toEqual(['book → manual', 'book/one → manual/one', 'book/two → manual/two']);
    // Under a base path, both ends of a redirect are below it.
    expect(buildVault(files, { base: '/notes/' }).redirects[0]).toMatchObject({ href: '/notes/book/', to: { href: '/notes/manual/', title: 'Book' } });
  });

  it('need no redirect where the permalink is the address the path gives, or an alias names the page itself', () => {
    expect(redirectsOf(vaultOf([note('Canvas.md', '---\npermalink: canvas\naliases: [canvas, Canvas]\n---\nText.\n')]))).toEqual([]);
  });

  it('leave a service’s hub at its address, the permalink of its note leading there', () => {
    const catalog = note('services.yaml', '- name: Amazon S3\n  category: Storage\n  summary: Object storage.\n  docs: https://aws.amazon.com/s3/\n');
    const files = vaultOf([note('Amazon S3.md', '---\npermalink: s3\n---\nAbout S3.\n')], { catalog });
    expect(buildVault(files).bySlug.has('services/amazon-s3' as never)).toBe(true);
    expect(redirectsOf(files)).toEqual(['s3 → services/amazon-s3']);
  });

  it('give way to every page, and to the redirect asked for first, and say so', () => {
    const files = vaultOf([note('A.md', '---\naliases: [Shared name, Tags/x]\n---\nA.\n'), note('B.md', '---\naliases: [Shared name, C]\n---\nB.\n'), note('C.md', 'C.\n')]);
    const vault = buildVault(files, { reservedSlugs: ['tags'] });
    expect(vault.redirects.map((r) => `${r.slug} → ${r.to.slug}`)).toEqual(['shared-name → a']);
    expect(vault.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      ['A.md', 2, 'Its alias “Tags/x” names /tags/x/, which is taken by one of the site’s own pages: no redirect to /a/ is written there'],
      ['B.md', 2, 'Its alias “Shared name” names /shared-name/, which is taken by a redirect A.md asks for (its alias “Shared name”): no redirect to /b/ is written there'],
      ['B.md', 2, 'Its alias “C” names /c/, which is taken by C.md: no redirect to /b/ is written there'],
    ]);
  });
});
