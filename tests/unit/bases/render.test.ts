import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { renderBase, renderBaseView, type BaseRenderContext } from '../../../src/vault/bases/render-view.ts';
import { formatNumber, renderValue } from '../../../src/vault/bases/render-value.ts';
import type { CellValue } from '../../../src/vault/bases/types.ts';
import type { Href } from '../../../src/vault/types.ts';
import { note } from './notes.ts';
import { runBase } from './run.ts';

const books = [
  note('Books/Dune.md', { properties: { rating: 5, read: true, finished: '2024-03-01', genres: ['sf', 'politics'], author: '[[Frank Herbert]]', cover: '[[dune.png]]', status: 'done' } }),
  note('Books/Emma.md', { properties: { rating: 4, read: false, genres: [], author: '[[Jane Austen]]', cover: '#c96f53', status: 'done' } }),
  note('Books/Hobbit.md', { properties: { rating: 5, read: false, cover: 'https://example.org/hobbit.jpg', status: 'to-read' } }),
  note('People/Frank Herbert.md'),
];

const context: BaseRenderContext = {
  from: 'Library.base' as never,
  linkHref: (target) => (target === 'Jane Austen' ? ('/stubs/jane-austen/' as Href) : undefined),
  attachmentHref: (target) => (target === 'dune.png' ? ('/attachments/dune.png' as Href) : undefined),
};

const render = (yaml: string, view = 0): Root => ({ type: 'root', children: [renderBaseView(runBase(yaml, books).views[view]!, context)] });
const texts = (tree: Root | Element, selector: string) => selectAll(selector, tree).map((node) => toString(node).trim());

const TABLE = [
  'filters: file.inFolder("Books")',
  'properties:',
  '  note.rating:',
  '    displayName: Stars',
  'views:',
  '  - type: table',
  '    name: Shelf',
  '    order: [file.name, rating, read, finished, genres, author]',
  '    sort:',
  '      - property: rating',
  '        direction: DESC',
  '    summaries:',
  '      rating: Average',
  '      read: Checked',
].join('\n');

describe('table view', () => {
  const tree = render(TABLE);

  it('is a real table with a header per column, in order, by display name', () => {
    expect(selectAll('table.base-table[data-base-sortable] > thead > tr > th[scope=col]', tree)).toHaveLength(6);
    expect(texts(tree, 'thead th')).toEqual(['file name', 'Stars', 'read', 'finished', 'genres', 'author']);
    expect(select('figcaption', tree) && texts(tree, 'figcaption')).toEqual(['Shelf 3 notes']);
  });

  it('marks the column the rows are sorted by with aria-sort', () => {
    expect(selectAll('th[aria-sort]', tree).map((th) => [toString(th), th.properties.ariaSort])).toEqual([['Stars', 'descending']]);
  });

  it('has a row per note in the base’s order, the name linking to the note', () => {
    expect(texts(tree, 'tbody tr td:first-child')).toEqual(['Dune', 'Hobbit', 'Emma']);
    expect(selectAll('tbody tr td:first-child a', tree).map((a) => a.properties.href)).toEqual(['/books/dune/', '/books/hobbit/', '/books/emma/']);
  });

  it('formats values for reading and gives each cell the key it sorts by', () => {
    const dune = selectAll('tbody tr', tree)[0]!;
    const cells = selectAll('td', dune);
    expect(cells.map((td) => td.properties.dataSort)).toEqual(['Dune', '5', '1', String(Date.parse('2024-03-01')), 'sf, politics', 'Frank Herbert']);
    expect(toHtml(cells[2]!)).toContain('<input type="checkbox" checked disabled aria-label="yes"');
    expect(toHtml(cells[3]!)).toBe(`<td data-sort="${Date.parse('2024-03-01')}"><time datetime="2024-03-01">1 Mar 2024</time></td>`);
    expect(texts(cells[4]!, 'ul.base-values > li')).toEqual(['sf', 'politics']);
    // Frank Herbert is one of the base's notes; Jane Austen is not, and the model gives her a stub page.
    expect(select('a', cells[5]!)!.properties).toMatchObject({ href: '/people/frank-herbert/', className: ['internal'] });
    const emmaAuthor = select('tbody tr:nth-child(3) td:last-child a', tree)!;
    expect(emmaAuthor.properties).toMatchObject({ href: '/stubs/jane-austen/', className: ['internal', 'unresolved'] });
  });

  it('puts the summaries in the footer, under their columns', () => {
    expect(texts(tree, 'tfoot td')).toEqual(['', 'Average 4.6667', 'Checked 1', '', '', '']);
  });

  it('puts each group in its own body under a heading row', () => {
    const grouped = render(TABLE.replace('    summaries:', '    groupBy:\n      property: status\n      direction: ASC\n    summaries:'));
    const bodies = selectAll('tbody', grouped);
    expect(bodies).toHaveLength(2);
    expect(bodies.map((body) => texts(body, 'tr.base-group-row th[scope=rowgroup]'))).toEqual([['done (2)'], ['to-read (1)']]);
    expect(select('tr.base-group-row th', grouped)!.properties.colSpan).toBe(6);
    expect(bodies.map((body) => texts(body, 'tr:not(.base-group-row) td:first-child'))).toEqual([['Dune', 'Emma'], ['Hobbit']]);
  });

  it('says how many notes a limit leaves out', () => {
    expect(texts(render(TABLE.replace('    name: Shelf', '    name: Shelf\n    limit: 2')), '.base-view-count')).toEqual(['2 of 3 notes']);
  });

  it('scrolls in a box a keyboard can reach', () => {
    expect(select('div.base-scroll', tree)!.properties).toMatchObject({ tabIndex: 0, role: 'region', ariaLabel: 'Shelf' });
  });
});

describe('cards view', () => {
  const yaml = ['filters: file.inFolder("Books")', 'views:', '  - type: cards', '    name: Covers', '    image: note.cover', '    order: [file.name, author, rating, genres]'].join('\n');
  const tree = render(yaml);

  it('is a list of cards, each a title linking to its note and its properties', () => {
    expect(selectAll('ul.base-cards > li.base-card', tree)).toHaveLength(3);
    expect(texts(tree, '.base-card-title')).toEqual(['Dune', 'Emma', 'Hobbit']);
    expect(selectAll('.base-card-title', tree).map((a) => a.properties.href)).toEqual(['/books/dune/', '/books/emma/', '/books/hobbit/']);
    const dune = selectAll('li.base-card', tree)[0]!;
    expect(selectAll('dl > div', dune).map((div) => [texts(div, 'dt')[0], texts(div, 'dd')[0]])).toEqual([
      ['author', 'Frank Herbert'],
      ['rating', '5'],
      ['genres', 'sfpolitics'],
    ]);
  });

  it('leaves out the properties a card has no value for', () => {
    const hobbit = selectAll('li.base-card', tree)[2]!;
    expect(texts(hobbit, 'dt')).toEqual(['rating']);
  });

  it('shows the cover from an attachment, a URL or a colour, and none it cannot find', () => {
    const [dune, emma, hobbit] = selectAll('li.base-card', tree);
    expect(select('img.base-card-image', dune!)!.properties).toMatchObject({ src: '/attachments/dune.png', alt: '' });
    expect(select('.base-card-image', emma!)!.properties.style).toBe('background-color: #c96f53');
    expect(select('img.base-card-image', hobbit!)!.properties.src).toBe('https://example.org/hobbit.jpg');
    const unknown = renderBaseView(runBase(yaml.replace('note.cover', 'note.status'), books).views[0]!, context);
    expect(selectAll('.base-card-image', unknown)).toHaveLength(0);
  });

  it('puts groups under their value, in a labelled group', () => {
    const grouped = render(yaml.replace('    image: note.cover', '    groupBy:\n      property: status\n      direction: DESC'));
    expect(selectAll('div.base-group[role=group]', grouped).map((g) => [g.properties.ariaLabel, texts(g, '.base-group-heading')[0], texts(g, '.base-card-title')])).toEqual([
      ['to-read', 'to-read (1)', ['Hobbit']],
      ['done', 'done (2)', ['Dune', 'Emma']],
    ]);
  });
});

describe('list view', () => {
  const yaml = ['filters: file.inFolder("Books")', 'views:', '  - type: list', '    name: Reading list', '    order: [file.name, status, rating]', '    summaries:', '      rating: Max'].join('\n');
  const tree = render(yaml);

  it('is a list with a link to each note and its values after it', () => {
    expect(selectAll('ul.base-list > li', tree).map((li) => toString(li))).toEqual(['Dune done, 5', 'Emma done, 4', 'Hobbit to-read, 5']);
    expect(selectAll('ul.base-list > li > a', tree).map((a) => a.properties.href)).toEqual(['/books/dune/', '/books/emma/', '/books/hobbit/']);
  });

  it('shows its summaries below, named by their column', () => {
    expect(selectAll('dl.base-summaries > div', tree).map((div) => [texts(div, 'dt')[0], texts(div, 'dd')[0]])).toEqual([['rating', 'Max 5']]);
  });
});

describe('views that show nothing', () => {
  it('says when no note matches', () => {
    const tree = render('views:\n  - type: table\n    filters: rating > 10');
    expect(texts(tree, 'p.base-empty')).toEqual(['No notes match this view.']);
    expect(select('table', tree)).toBeUndefined();
  });

  it('says why a view cannot be shown, with the expression', () => {
    const tree = render('views:\n  - type: table\n    name: Odd\n    filters: shout(rating)');
    expect(select('figure.base-view-unsupported', tree)).toBeDefined();
    expect(texts(tree, 'p.base-notice[role=note]')).toEqual(['Quire cannot show this view: there is no function “shout()”.shout(rating)']);
    expect(texts(tree, 'p.base-notice code')).toEqual(['shout(rating)']);
  });

  it('says when a base cannot be read, where, and shows every view of one that can', () => {
    const broken = renderBase(runBase('views:\n  - [', books, { path: 'Lists/Broken.base' }), context);
    expect(toString(broken)).toMatch(/^Quire cannot read this base: Lists\/Broken\.base:2 the YAML does not parse: /);
    const both = renderBase(runBase('views:\n  - type: table\n    name: One\n  - type: list\n    name: Two', books), context);
    expect(selectAll('figure.base-view', both).map((f) => f.properties.dataViewName)).toEqual(['One', 'Two']);
  });
});

describe('values', () => {
  const html = (value: CellValue) => toHtml(renderValue(value, context));

  it.each([
    [12345.678, '12,345.678'],
    [2024, '2024'],
    [-0.5, '-0.5'],
    [1 / 3, '0.3333'],
  ])('writes the number %d as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('writes dates with a machine-readable datetime, and a time when they have one', () => {
    expect(html({ kind: 'date', ms: Date.parse('2024-05-20T18:30:00Z'), hasTime: true })).toBe('<time datetime="2024-05-20T18:30:00Z">20 May 2024, 18:30</time>');
  });

  it('shows booleans as disabled checkboxes', () => {
    expect(html(false)).toBe('<input type="checkbox" disabled aria-label="no" class="base-checkbox">');
  });

  it('writes durations, objects and nothing for an empty value', () => {
    expect(html({ kind: 'duration', ms: 3 * 86_400_000, months: 0 })).toBe('3 days');
    expect(html({ kind: 'object', fields: { a: 1, b: 'x' } })).toBe('a: 1, b: x');
    expect(html(null)).toBe('');
    expect(html([])).toBe('');
  });

  it('links web addresses, and never a script', () => {
    expect(html('https://example.org/a?b=1')).toBe('<a href="https://example.org/a?b=1" class="external" rel="noopener noreferrer">https://example.org/a?b=1</a>');
    expect(html({ kind: 'link', target: 'mailto:me@example.org', external: true })).toContain('href="mailto:me@example.org"');
    expect(html('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(html({ kind: 'link', target: 'javascript:alert(1)', external: true })).toBe('javascript:alert(1)');
    expect(html('<script>alert(1)</script>')).toBe('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html({ kind: 'image', source: 'javascript:alert(1)' })).toBe('javascript:alert(1)');
    expect(html({ kind: 'image', source: '#fff;background:url(x)' })).not.toContain('style');
  });

  it('a base cannot make a link to a note it was not given', () => {
    const result = runBase('formulas:\n  l: link("Secret Plans")\nviews:\n  - type: table\n    order: [formula.l]', [note('Public.md')]);
    expect(toHtml(renderBaseView(result.views[0]!, { from: 'Public.md' as never }))).not.toContain('<a href="/secret');
  });
});
