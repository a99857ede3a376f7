import { describe, expect, it } from 'vitest';
import { note } from './notes.ts';
import { runBase, titles } from './run.ts';

const books = [
  note('Books/Dune.md', { properties: { status: 'done', rating: 5, pages: 412, read: true, finished: '2024-03-01', price: 10 }, tags: ['book', 'scifi'] }),
  note('Books/Emma.md', { properties: { status: 'done', rating: 4, pages: 474, read: true, finished: '2023-07-15', price: 6 }, tags: ['book', 'classic'] }),
  note('Books/Hobbit.md', { properties: { status: 'to-read', rating: 5, pages: 310, read: false, price: 12 }, tags: ['book'] }),
  note('Books/Neuromancer.md', { properties: { status: 'reading', rating: 3, pages: 271, read: false, price: 8 }, tags: ['book', 'scifi'] }),
  note('Books/item 10.md', { properties: { status: 'to-read', rating: 2, pages: 90 }, tags: ['book'] }),
  note('Books/item 9.md', { properties: { status: 'to-read', rating: 2, pages: 95 }, tags: ['book'] }),
  note('People/Frank Herbert.md', { properties: { born: 1920 }, tags: ['person'] }),
];

const table = (lines: string[]) => ['views:', '  - type: table', '    name: T', ...lines.map((l) => `    ${l}`)].join('\n');

describe('filters', () => {
  it('keeps every note when the base has no filters', () => {
    expect(titles(runBase(table([]), books))).toHaveLength(books.length);
  });

  it('takes one expression as the whole filter', () => {
    expect(titles(runBase('filters: file.hasTag("person")\n' + table([]), books))).toEqual(['Frank Herbert']);
  });

  it('needs every item of and, one of or, none of not', () => {
    const and = runBase(['filters:', '  and:', '    - file.hasTag("book")', '    - rating >= 4'].join('\n') + '\n' + table([]), books);
    expect(titles(and)).toEqual(['Dune', 'Emma', 'Hobbit']);
    const or = runBase(['filters:', '  or:', '    - file.hasTag("person")', '    - rating == 3'].join('\n') + '\n' + table([]), books);
    expect(titles(or)).toEqual(['Frank Herbert', 'Neuromancer']);
    const not = runBase(['filters:', '  not:', '    - file.hasTag("book")'].join('\n') + '\n' + table([]), books);
    expect(titles(not)).toEqual(['Frank Herbert']);
  });

  it('nests and, or and not to any depth', () => {
    const yaml = [
      'filters:',
      '  and:',
      '    - file.hasTag("book")',
      '    - or:',
      '        - file.hasTag("scifi")',
      '        - and:',
      '            - read',
      '            - not:',
      '                - pages > 450',
      '                - status == "reading"',
      '    - not:',
      '        - file.name.contains("Neuro")',
    ].join('\n');
    expect(titles(runBase(`${yaml}\n${table([])}`, books))).toEqual(['Dune']);
    // Emma is read but has more than 450 pages; with that limit raised she passes.
    expect(titles(runBase(`${yaml.replace('pages > 450', 'pages > 500')}\n${table([])}`, books))).toEqual(['Dune', 'Emma']);
  });

  it('applies a view’s filters after the base’s, each view on its own', () => {
    const yaml = [
      'filters: file.hasTag("book")',
      'views:',
      '  - type: table',
      '    name: Read',
      '    filters: read',
      '  - type: table',
      '    name: Short',
      '    filters:',
      '      and:',
      '        - pages < 300',
    ].join('\n');
    const result = runBase(yaml, books);
    expect(titles(result, 0)).toEqual(['Dune', 'Emma']);
    expect(titles(result, 1)).toEqual(['item 9', 'item 10', 'Neuromancer']);
  });

  it('lets an empty group through and treats a filter that fails as not matching', () => {
    expect(titles(runBase('filters:\n  or: []\n' + table([]), books))).toHaveLength(books.length);
    const result = runBase('filters: status.lower() == "done"\n' + table([]), [...books, note('Odd.md', { properties: { status: 42 } })]);
    expect(titles(result)).toEqual(['Dune', 'Emma']);
    expect(result.problems.map((p) => p.message)).toEqual(['view “T”: filter `status.lower() == "done"`: number has no method “lower()” (for “Odd.md”)']);
  });
});

describe('columns', () => {
  it('shows the columns in `order`, named by `properties` display names', () => {
    const yaml = [
      'formulas:',
      '  ppp: (price / pages * 100).round(2)',
      'properties:',
      '  note.status:',
      '    displayName: Status',
      '  formula.ppp:',
      '    displayName: Cents a page',
      '  file.name:',
      '    displayName: Book',
      '  rating:',
      '    displayName: Stars',
      'views:',
      '  - type: table',
      '    filters: file.hasTag("scifi")',
      '    order: [file.name, status, rating, formula.ppp, pages, file.folder]',
    ].join('\n');
    const view = runBase(yaml, books).views[0]!;
    expect(view.name).toBe('Table');
    expect(view.columns).toEqual([
      { key: 'file.name', label: 'Book' },
      { key: 'note.status', label: 'Status' },
      { key: 'note.rating', label: 'Stars' },
      { key: 'formula.ppp', label: 'Cents a page' },
      { key: 'note.pages', label: 'pages' },
      { key: 'file.folder', label: 'file folder' },
    ]);
    expect(view.groups[0]!.rows[0]!.cells).toEqual([
      { kind: 'link', target: 'Books/Dune.md', display: 'Dune', path: 'Books/Dune.md', href: '/books/dune/' },
      'done',
      5,
      2.43,
      412,
      'Books',
    ]);
  });

  it('shows the file name alone when a view has no order, and one table when the base has no views', () => {
    const result = runBase('filters: file.hasTag("person")', books);
    expect(result.views).toHaveLength(1);
    expect(result.views[0]).toMatchObject({ name: 'Table', type: 'table', columns: [{ key: 'file.name', label: 'file name' }] });
  });

  it('works out formulas that use other formulas', () => {
    const yaml = [
      'formulas:',
      '  double: rating * 2',
      '  label: formula["double"] + " of " + formula.max',
      '  max: 10',
      'views:',
      '  - type: table',
      '    filters: file.basename == "Dune"',
      '    order: [formula.label, formula.double]',
    ].join('\n');
    expect(runBase(yaml, books).views[0]!.groups[0]!.rows[0]!.cells).toEqual(['10 of 10', 10]);
  });
});

describe('sort, limit and groups', () => {
  it('sorts by several keys, each in its direction, empty values last', () => {
    const result = runBase(table(['filters: file.hasTag("book")', 'sort:', '  - property: rating', '    direction: DESC', '  - property: file.name', '    direction: ASC']), books);
    expect(titles(result)).toEqual(['Dune', 'Hobbit', 'Emma', 'Neuromancer', 'item 9', 'item 10']);
    const byPrice = runBase(table(['filters: file.hasTag("book")', 'sort:', '  - property: price', '    direction: DESC']), books);
    expect(titles(byPrice)).toEqual(['Hobbit', 'Dune', 'Neuromancer', 'Emma', 'item 9', 'item 10']);
    expect(result.views[0]!.sort).toEqual([{ key: 'note.rating', direction: 'DESC' }, { key: 'file.name', direction: 'ASC' }]);
  });

  it('sorts by file name, numbers inside names by value, when no sort is given', () => {
    expect(titles(runBase(table(['filters: status == "to-read"']), books))).toEqual(['Hobbit', 'item 9', 'item 10']);
  });

  it('sorts dates by time and by a formula', () => {
    const result = runBase(['formulas:', '  left: 500 - pages', ...table(['filters: read', 'sort:', '  - property: finished', '    direction: ASC']).split('\n')].join('\n'), books);
    expect(titles(result)).toEqual(['Emma', 'Dune']);
    const byFormula = runBase(['formulas:', '  left: 500 - pages', ...table(['filters: file.hasTag("book")', 'sort:', '  - property: formula.left']).split('\n')].join('\n'), books);
    expect(titles(byFormula)).toEqual(['Emma', 'Dune', 'Hobbit', 'Neuromancer', 'item 9', 'item 10']);
  });

  it('shows no more than `limit` notes, and says so', () => {
    const view = runBase(table(['filters: file.hasTag("book")', 'limit: 2', 'sort:', '  - property: pages', '    direction: DESC']), books).views[0]!;
    expect(titles({ views: [view], problems: [] })).toEqual(['Emma', 'Dune']);
    expect(view).toMatchObject({ total: 6, limitApplied: true });
    const all = runBase(table(['filters: file.hasTag("book")', 'limit: 10']), books).views[0]!;
    expect(all).toMatchObject({ total: 6, limitApplied: false });
  });

  it('groups by a property, groups in its direction, rows in the sort order, empty group last', () => {
    const yaml = table(['filters: file.hasTag("book") || file.hasTag("person")', 'groupBy:', '  property: status', '  direction: DESC', 'sort:', '  - property: pages']);
    const groups = runBase(yaml, books).views[0]!.groups.map((g) => [g.key ?? null, g.rows.map((r) => r.note.title)]);
    expect(groups).toEqual([
      ['to-read', ['item 10', 'item 9', 'Hobbit']],
      ['reading', ['Neuromancer']],
      ['done', ['Dune', 'Emma']],
      [null, ['Frank Herbert']],
    ]);
  });

  it('limits before grouping, as Obsidian does', () => {
    const yaml = table(['filters: file.hasTag("book")', 'limit: 3', 'groupBy:', '  property: read', '  direction: ASC', 'sort:', '  - property: pages']);
    const groups = runBase(yaml, books).views[0]!.groups.map((g) => [g.key ?? null, g.rows.map((r) => r.note.title)]);
    expect(groups).toEqual([
      [false, ['Neuromancer']],
      [null, ['item 10', 'item 9']],
    ]);
  });
});

describe('summaries', () => {
  const summaries = (keys: Record<string, string>, filter = 'file.hasTag("book")', extra: string[] = []) =>
    runBase(
      [...extra, ...table([`filters: '${filter}'`, 'order: [file.name, pages, rating, finished, read, status]', 'summaries:', ...Object.entries(keys).map(([k, v]) => `  ${k}: ${v}`)]).split('\n')].join('\n'),
      books,
    ).views[0]!.summaries;

  it.each([
    ['pages', 'Average', (412 + 474 + 310 + 271 + 90 + 95) / 6],
    ['pages', 'Min', 90],
    ['pages', 'Max', 474],
    ['pages', 'Sum', 1652],
    ['pages', 'Range', 384],
    ['pages', 'Median', (271 + 310) / 2],
    ['rating', 'Stddev', Math.sqrt([5, 4, 5, 3, 2, 2].map((r) => (r - 3.5) ** 2).reduce((a, b) => a + b) / 6)],
    ['read', 'Checked', 2],
    ['read', 'Unchecked', 4],
    ['finished', 'Empty', 4],
    ['finished', 'Filled', 2],
    ['status', 'Unique', 3],
  ])('%s: %s is %d', (key, name, expected) => {
    const [summary] = summaries({ [key]: name });
    expect(summary!.name).toBe(name);
    expect(summary!.key).toBe(`note.${key}`);
    expect(summary!.value).toBeCloseTo(expected as number, 10);
  });

  it('finds the earliest and latest date, and the range between them', () => {
    const found = summaries({ finished: 'Earliest' }).concat(summaries({ finished: 'Latest' }), summaries({ finished: 'Range' }));
    expect(found.map((s) => s.value)).toEqual([
      { kind: 'date', ms: Date.parse('2023-07-15'), hasTime: false },
      { kind: 'date', ms: Date.parse('2024-03-01'), hasTime: false },
      { kind: 'duration', ms: Date.parse('2024-03-01') - Date.parse('2023-07-15'), months: 0 },
    ]);
  });

  it('sums up only the rows shown, and is empty over no numbers', () => {
    expect(summaries({ pages: 'Sum' }, 'read')[0]!.value).toBe(886);
    expect(summaries({ finished: 'Average' })[0]!.value).toBe(null);
  });

  it('runs the base’s own summaries over `values`', () => {
    const extra = ['summaries:', '  Longest: values.reduce(if(acc == null || value > acc, value, acc), null)', '  Mean: values.mean().round(1)'];
    expect(summaries({ pages: 'Longest', rating: 'Mean' }, 'file.hasTag("book")', extra).map((s) => [s.name, s.value])).toEqual([
      ['Longest', 474],
      ['Mean', 3.5],
    ]);
  });
});
