import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesOf, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const page = async (slug: string): Promise<Root> => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));
const text = (node: Element | Root | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');
const view = (root: Root | Element, name: string) => select(`figure.base-view[data-view-name="${name}"]`, root)!;
/** A table's rows as the reader sees them: group headings as `# name (n)`, rows as their cells' text. */
const rowsOf = (table: Element) => selectAll('tbody tr', table).map((row) => (row.properties.className?.toString().includes('base-group-row') ? `# ${text(row)}` : selectAll('td', row).map(text)));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/bases-vault' });
});

describe('bases, built', () => {
  it('builds, reporting what it cannot show with the file, the line, the view and the expression', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Library\.base:68 +view “Where they happen”: `type: map`: “map” views are not supported yet; the view is not shown.*\[bad-base\]/);
    expect(build.output).toMatch(/Shelf\.md:15 +view “With icons”: formula “badge” `icon\("book"\)`: Quire does not support icon\(\).*\[bad-base\]/);
  });

  it('shows a .base file as a page of its views: a table grouped, sorted and limited, with display names, formulas and summaries', async () => {
    const library = await page('library-base');
    expect(text(select('h1.page-title', library))).toBe('Library');
    const byStatus = view(library, 'By status');
    expect(text(select('figcaption', byStatus))).toBe('By status 4 of 5 notes');
    expect(selectAll('thead th', byStatus).map(text)).toEqual(['Book', 'author', 'rating', 'Pages per star', 'read', 'finished', 'genres']);
    expect(select('thead th[aria-sort]', byStatus)!.properties).toMatchObject({ ariaSort: 'descending', dataKey: 'note.rating' });
    expect(rowsOf(byStatus).map((row) => (typeof row === 'string' ? row : row.slice(0, 4)))).toEqual([
      '# done (2)',
      ['Dune', 'Frank Herbert', '5', '82.4'],
      ['Emma', 'Jane Austen', '4', '118.5'],
      '# reading (1)',
      ['Neuromancer', 'William Gibson', '3', '90.3'],
      '# to-read (1)',
      ['The Hobbit', 'J. R. R. Tolkien', '5', '62'],
    ]);
    expect(selectAll('tbody a', byStatus).slice(0, 2).map((a) => a.properties.href)).toEqual(['/books/dune/', '/people/frank-herbert/']);
    expect(selectAll('tfoot td', byStatus).map(text)).toEqual(['', '', 'Average 4.25', '', 'Checked 2', 'Latest 1 Mar 2024', '']);
    const numbers = view(library, 'Numbers');
    expect(rowsOf(numbers).map((row) => row[0])).toEqual(['Emma', 'Dune', 'The Hobbit', 'Neuromancer', 'Ten Item Book']);
    expect(selectAll('tfoot td', numbers).map(text)).toEqual(['Longest title 13', 'Sum 1557', 'Median 8.995', 'Max 2', '']);
  });

  it('shows cards with their covers, published with the site, and lists', async () => {
    const library = await page('library-base');
    const covers = view(library, 'Covers');
    expect(selectAll('.base-card-title', covers).map(text)).toEqual(['Dune', 'Emma']);
    expect(select('img.base-card-image', covers)!.properties.src).toBe('/attachments/Attachments/dune-cover.png');
    expect((await filesOf(build.outDir)).has('attachments/Attachments/dune-cover.png')).toBe(true);
    expect(selectAll('.base-list > li', view(library, 'Reading list')).map(text)).toEqual(['Ten Item Book to-read, 90', 'Neuromancer reading, 271', 'The Hobbit to-read, 310']);
  });

  it('says on the page which view it cannot show, and why', async () => {
    const map = view(await page('library-base'), 'Where they happen');
    expect(text(select('.base-notice', map))).toBe('Quire cannot show this view: “map” views are not supported yet.type: map');
    const icons = view(await page('shelf'), 'With icons');
    expect(text(select('.base-notice-expression', icons))).toBe('icon("book")');
  });

  it('evaluates base blocks in a note where they stand, with this as the note', async () => {
    const reading = await page('reading');
    const body = select('.note-body', reading)!;
    expect(body.children.filter((child): child is Element => child.type === 'element').map((child) => child.tagName)).toEqual(['h1', 'p', 'div', 'p', 'div']);
    expect(selectAll('.base-list > li', view(body, 'Books by linked authors')).map(text)).toEqual(['Dune Frank Herbert, 5', 'Ten Item Book Frank Herbert, 2']);
    expect(selectAll('.base-card-title', view(body, 'Still to read')).map(text)).toEqual(['Neuromancer', 'Ten Item Book', 'The Hobbit']);
  });

  it('lists a base’s views on its page, each a place a link or an embed can name', async () => {
    const library = await page('library-base');
    expect(selectAll('.toc a', library).map((a) => [text(a), a.properties.href])).toEqual([
      ['By status', '#by-status'],
      ['Covers', '#covers'],
      ['Reading list', '#reading-list'],
      ['Numbers', '#numbers'],
      ['Where they happen', '#where-they-happen'],
    ]);
    expect(select('section#covers figure', library)!.properties.dataViewName).toBe('Covers');
    const shelf = await page('shelf');
    const embeds = selectAll('.embed-note', shelf);
    expect(embeds.map((embed) => selectAll('figure.base-view', embed).map((f) => f.properties.dataViewName))).toEqual([
      ['By status', 'Covers', 'Reading list', 'Numbers', 'Where they happen'],
      ['Covers'],
    ]);
    expect(select('a[href="/library-base/#numbers"]', shelf)).toBeDefined();
  });

  it('embeds a base in a note, and limits a block’s view', async () => {
    const shelf = await page('shelf');
    expect(text(select('.embed-note .base-view[data-view-name="By status"] figcaption', shelf))).toBe('By status 4 of 5 notes');
    const lastTwo = view(shelf, 'Last two');
    expect(text(select('figcaption', lastTwo))).toBe('Last two 2 of 5 notes');
    expect(selectAll('.base-list > li > a', lastTwo).map(text)).toEqual(['The Hobbit', 'Ten Item Book']);
  });

  it('never shows a private note: not as a row, not as a link, not as a page', async () => {
    const files = await filesOf(build.outDir);
    for (const [file, bytes] of files) {
      if (/\.(html|json|xml|txt)$/.test(file)) expect(bytes.toString('utf8'), file).not.toMatch(/PRIVATE-BASE-MARKER|secret-book|999/);
    }
    for (const slug of ['library-base', 'shelf', 'reading']) {
      const root = await page(slug);
      expect(selectAll('.base a', root).map(text)).not.toContain('Secret Book');
      expect(selectAll('.base td:first-child, .base-card-title, .base-list > li > a', root).map(text)).not.toContain('Secret Book');
    }
    // A property linking to it reads as its text, as a wiki-link to a private note does.
    expect(text(select('.base-list-props', view(await page('shelf'), 'Last two')))).toBe('Secret Book');
  });

  it('leaves no broken link or fragment in the site', async () => {
    expect((await checkLinks(build.outDir)).broken).toEqual([]);
  });
});
