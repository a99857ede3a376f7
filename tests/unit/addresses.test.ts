import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/vault/build-vault.ts';
import type { SourceFile, VaultFiles } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const vaultOf = (...notes: SourceFile[]): VaultFiles => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [] });

describe('addresses', () => {
  it('give a chapter whose heading is empty an address of its own, and say which chapter and line', () => {
    const { addresses, problems } = runStages(vaultOf(note('Book.md', '---\nbook: true\n---\n# One\n\nA.\n\n# \n\nB.\n\n# ???\n\nC.\n')));
    expect(addresses.slugs.get('Book.md' as never)).toEqual(['book', 'book/one', 'book/chapter-2', 'book/chapter-3']);
    expect(addresses.pages.get('Book.md' as never)!.map((page) => page.title)).toEqual(['Book', 'One', 'Chapter 2', '???']);
    expect(problems.filter((p) => p.rule === 'slug-clash')).toEqual([]);
    expect(problems.filter((p) => p.rule === 'empty-heading').map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringContaining('Chapter 2 starts with an empty heading')],
      [12, expect.stringContaining('The heading of chapter 3, “???”, has nothing an address can be made of')],
    ]);
  });

  it('name what holds an address when two pages want it', () => {
    const { addresses } = runStages(vaultOf(note('A B.md', 'One.\n'), note('a-b.md', 'Two.\n'), note('Tags.md', 'Three.\n'), note('Guide.md', '---\nbook: true\n---\n# Intro\n\nA.\n\n# Intro\n\nB.\n')), { reservedSlugs: ['tags'] });
    expect(addresses.problems.map((p) => [p.file, p.message])).toEqual([
      ['Guide.md', 'Its URL /guide/intro/ is taken by another page of this note, so it is published at /guide/intro-2/'],
      ['Tags.md', 'Its URL /tags/ is taken by one of the site’s own pages, so it is published at /tags-2/'],
      ['a-b.md', 'Its URL /a-b/ is taken by A B.md, so it is published at /a-b-2/'],
    ]);
  });
});
