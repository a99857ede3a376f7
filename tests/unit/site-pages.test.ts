import { describe, expect, it } from 'vitest';
import { homeOf } from '../../src/site/home.ts';
import { descriptionOf, searchFilters } from '../../src/site/page-meta.ts';
import { folderNav, LIST_LIMIT, NEIGHBOURS } from '../../src/site/sidebar.ts';
import { buildVault, type SourceFile, type Vault } from '../../src/vault/index.ts';
import { shippedVault, vaultOf } from '../helpers/fixtures.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const build = (...notes: SourceFile[]): Vault => buildVault({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [] });
const BOOK = 'By #Someone.\n\n# Chapter 1: Start\n\nThe first paragraph of the book.\n\n## One\n\nMore words here.\n\n# Chapter 2: Later\n';
const page = (vault: Vault, slug: string) => vault.bySlug.get(slug as never)!;

describe('the sidebar of a large folder', () => {
  const folder = Array.from({ length: 200 }, (_, i) => note(`Big/Note ${String(i).padStart(3, '0')}.md`, `Note ${i}.\n`));
  const vault = build(...folder);

  it('lists a window of the current note’s neighbours, the note among them, not all 200', () => {
    const nav = folderNav(vault, 'big/note-100')!;
    expect(nav.notes).toHaveLength(2 * NEIGHBOURS + 1);
    expect(nav.notes[NEIGHBOURS]!.slug).toBe('big/note-100');
    expect(nav.before).toBe(100 - NEIGHBOURS);
    expect(nav).toMatchObject({ more: true, noteCount: 200, href: '/folders/big/' });
  });

  it('keeps the window inside the folder at either end', () => {
    expect(folderNav(vault, 'big/note-000')!.notes[0]!.slug).toBe('big/note-000');
    const last = folderNav(vault, 'big/note-199')!;
    expect(last.notes.at(-1)!.slug).toBe('big/note-199');
    expect(last.notes).toHaveLength(2 * NEIGHBOURS + 1);
  });

  it('lists the first notes on the folder’s own page', () => {
    const nav = folderNav(vault, 'folders/big')!;
    expect(nav.notes).toHaveLength(LIST_LIMIT);
    expect(nav.before).toBe(0);
  });
});

describe('what search and link previews know of a page', () => {
  const vault = build(note('Book.md', BOOK), note('Loose.md', '## Only a heading\n\n- a list item that says something\n'));

  it('labels a book’s landing page as a book, and gives the chapter filter to chapters only', () => {
    expect(searchFilters(page(vault, 'book'))).toEqual([{ key: 'type', value: 'book' }, { key: 'tag', value: 'Someone' }]);
    expect(searchFilters(page(vault, 'book/chapter-1-start'))).toEqual([{ key: 'type', value: 'chapter' }, { key: 'chapter', value: 'Chapter 1: Start' }]);
  });

  it('describes every page, from its first paragraph when it gives no description', () => {
    expect(descriptionOf(page(vault, 'book/chapter-1-start'))).toBe('Chapter 1 of 2 of Book. The first paragraph of the book. · More words here.');
    expect(descriptionOf(page(vault, 'book/chapter-2-later'))).toBe('Chapter 2 of 2 of Book: no notes yet.');
    expect(descriptionOf(page(vault, 'loose'))).toBe('a list item that says something');
    expect(descriptionOf(page(vault, 'book'))).toBe('By #Someone.');
  });
});

describe('the home page', () => {
  it('of a vault that is one book: the book, its chapters with how much each holds, its services, the pages linked most', async () => {
    const home = homeOf(await vaultOf(shippedVault));
    expect(home.book?.page.title).toBe('Data Science on AWS');
    expect(home.book?.chapters).toHaveLength(12);
    expect(home.book?.chapters[0]).toMatchObject({ number: 1, title: 'Chapter 1: Introduction to Data Science on AWS', sections: 11 });
    expect(home.book!.chapters[0]!.words).toBeGreaterThan(1000);
    expect(home.book!.chapters.slice(1).every((chapter) => chapter.words === 0)).toBe(true);
    expect(home.serviceCount).toBe(21);
    expect(home.services.flatMap((group) => group.services ?? []).map((s) => s.name)).toHaveLength(21);
    expect(home.linked[0]).toMatchObject({ title: 'Amazon SageMaker', kind: 'service' });
  });

  it('of another vault: its home note, its top folders, the notes updated last and linked most', () => {
    const vault = build(
      note('Home.md', 'Welcome to [[Garden]].\n'),
      note('Garden.md', '---\nupdated: 2024-05-01\n---\nSee [[Pond]].\n'),
      note('Pond.md', '---\nupdated: 2024-06-01\n---\nBack to [[Garden]].\n'),
      note('Plants/Fern.md', 'A fern.\n'),
    );
    const home = homeOf(vault);
    expect(home.book).toBeUndefined();
    expect(home.homeNote?.title).toBe('Home');
    expect(home.folders.map((folder) => folder.title)).toEqual(['Plants']);
    expect(home.notes).toEqual([]);
    expect(home.recent.map((recent) => recent.title)).toEqual(['Pond', 'Garden']);
    expect(home.linked.map((linked) => [linked.title, linked.count])).toEqual([['Garden', 2], ['Pond', 1]]);
  });

  it('takes its home note only from the top of the vault, not a folder’s index', () => {
    const inFolder = homeOf(build(note('Plants/index.md', 'Every plant.\n'), note('Plants/Fern.md', 'A fern.\n')));
    expect(inFolder.homeNote).toBeUndefined();
    const atTop = homeOf(build(note('Plants/home.md', 'Every plant.\n'), note('index.md', 'Start here.\n')));
    expect(atTop.homeNote?.source).toBe('index.md');
  });
});
