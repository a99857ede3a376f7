import { describe, expect, it } from 'vitest';
import { note } from './notes.ts';
import { runBase, value, valueOf } from './run.ts';

const date = (iso: string, hasTime = false) => ({ kind: 'date', ms: Date.parse(iso), hasTime });
const duration = (ms: number, months = 0) => ({ kind: 'duration', ms, months });

const book = note('Books/Dune.md', {
  properties: {
    price: 9.5,
    age: 2,
    title: 'Dune',
    status: 'done',
    read: true,
    genres: ['sf', 'politics'],
    finished: '2024-03-01',
    started: '2024-02-10T08:30:00',
    author: '[[Frank Herbert]]',
    meta: { pages: 412, lang: 'en' },
    'my prop': 'spaced',
    Status2: 'mixed case',
  },
  tags: ['book', 'scifi/classic'],
  links: ['People/Frank Herbert.md'],
  size: 2048,
  ctime: '2023-12-24T10:00:00Z',
  mtime: '2024-06-01T09:15:00Z',
});
const herbert = note('People/Frank Herbert.md', { properties: { born: 1920 } });

describe('operators', () => {
  it.each([
    ['1 + 2', 3],
    ['7 - 10', -3],
    ['6 * 7', 42],
    ['7 / 2', 3.5],
    ['7 % 4', 3],
    ['-price', -9.5],
    ['+age', 2],
    ['(price + 0.5) * age', 20],
    ['"a" + "b"', 'ab'],
    ['"n=" + 1', 'n=1'],
    ['price + " dollars"', '9.5 dollars'],
    ['1 / 0', null],
    ['nothing + 1', null],
  ])('%s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it.each([
    ['2 == 2', true],
    ['2 != 2', false],
    ['"a" == "a"', true],
    ['"a" == "A"', false],
    ['3 > 2', true],
    ['3 < 2', false],
    ['2 >= 2', true],
    ['1 <= 0', false],
    ['"apple" < "banana"', true],
    ['"item 9" < "item 10"', true],
    ['status == "done"', true],
    ['status != "done"', false],
    ['[1, 2] == [1, 2]', true],
    ['[1, 2] == [2, 1]', false],
    ['nothing == null', true],
    ['nothing > 1', false],
    ['nothing < 1', false],
    ['"3" == 3', false],
    ['true > false', true],
  ])('%s is %j', (expression, expected) => {
    expect(value(expression, book)).toBe(expected);
  });

  it.each([
    ['true && false', false],
    ['true || false', true],
    ['!read', false],
    ['!nothing', true],
    ['price > 5 && read', true],
    ['price > 50 || status == "done"', true],
    ['false && (1).lower()', false],
    ['true || (1).lower()', true],
  ])('%s is %j (and stops as soon as it knows)', (expression, expected) => {
    expect(value(expression, book)).toBe(expected);
  });

  it('compares and subtracts dates, and moves them by durations', () => {
    expect(value('finished > "2024-01-01"', book)).toBe(true);
    expect(value('finished < date("2024-01-01")', book)).toBe(false);
    expect(value('finished == date("2024-03-01")', book)).toBe(true);
    expect(value('finished + "1M"', book)).toEqual(date('2024-04-01'));
    expect(value('finished - "1 day"', book)).toEqual(date('2024-02-29'));
    expect(value('date("2024-12-01") + "1M" + "4h" + "3m"', book)).toEqual(date('2025-01-01T04:03:00Z', true));
    expect(value('finished - date("2024-02-28")', book)).toEqual(duration(2 * 86_400_000));
    expect(value('(finished - date("2024-02-28")).days', book)).toBe(2);
    expect(value('(finished - date("2024-02-28")) / 86400000', book)).toBe(2);
    expect(value('finished + duration("1d") * 2', book)).toEqual(date('2024-03-03'));
    expect(value('file.mtime > now() - "1 year"', book)).toBe(true);
    expect(value('(now() + "1d") - now() == duration("1d")', book)).toBe(true);
  });
});

describe('properties, note, file and this', () => {
  it('reads a property by its bare name, by note.x and note["x"], whatever its case', () => {
    expect(value('price', book)).toBe(9.5);
    expect(value('note.price', book)).toBe(9.5);
    expect(value('note["my prop"]', book)).toBe('spaced');
    expect(value('status2', book)).toBe('mixed case');
    expect(value('nothing', book)).toBe(null);
  });

  it('types properties as Obsidian does: ISO dates are dates, "[[links]]" are links, lists and objects stay so', () => {
    expect(value('finished', book)).toEqual(date('2024-03-01'));
    expect(value('started', book)).toEqual(date('2024-02-10T08:30:00Z', true));
    expect(value('author', book, [herbert])).toMatchObject({ kind: 'link', target: 'Frank Herbert', path: 'People/Frank Herbert.md', href: '/people/frank-herbert/' });
    expect(value('genres[1]', book)).toBe('politics');
    expect(value('genres[-1]', book)).toBe('politics');
    expect(value('meta.pages', book)).toBe(412);
    expect(value('meta["lang"]', book)).toBe('en');
  });

  it('gives the file fields', () => {
    expect(value('file.name', book)).toBe('Dune.md');
    expect(value('file.basename', book)).toBe('Dune');
    expect(value('file.path', book)).toBe('Books/Dune.md');
    expect(value('file.folder', book)).toBe('Books');
    expect(value('file.ext', book)).toBe('md');
    expect(value('file.size', book)).toBe(2048);
    expect(value('file.ctime', book)).toEqual(date('2023-12-24T10:00:00Z', true));
    expect(value('file.mtime.year', book)).toBe(2024);
    expect(value('file.tags', book)).toEqual(['#book', '#scifi/classic']);
    expect(value('file.links', book, [herbert])).toEqual([{ kind: 'link', target: 'People/Frank Herbert.md', display: 'Frank Herbert', path: 'People/Frank Herbert.md', href: '/people/frank-herbert/' }]);
    expect(value('file.properties.price', book)).toBe(9.5);
    expect(value('file.file.basename', book)).toBe('Dune');
  });

  it('leaves out of file.links the notes the base was not given', () => {
    expect(value('file.links', book, [])).toEqual([]);
  });

  it('lists the notes that link to a note, and those it embeds, as links', () => {
    const linked = { ...herbert, backlinks: [book.path, 'Private/Hidden.md' as never], embeds: [book.path] };
    const dune = { kind: 'link', target: 'Books/Dune.md', display: 'Dune', path: 'Books/Dune.md', href: '/books/dune/' };
    expect(value('file.backlinks', linked, [book])).toEqual([dune]);
    expect(value('file.embeds', linked, [book])).toEqual([dune]);
    expect(value('file.backlinks.length', book)).toBe(0);
  });

  it('uses this for the file the base is shown in', () => {
    const embedding = note('Reading.md', { properties: { favourite: 'Dune' }, links: ['Books/Dune.md'] });
    const yaml = ['formulas:', '  x: \'this.file.name + " / " + this.favourite + " / " + file.basename\'', '  linked: this.file.hasLink(file)', 'views:', '  - type: table', '    order: [formula.x, formula.linked]'].join('\n');
    const result = runBase(yaml, [book, herbert], { path: 'Reading.md', thisFile: embedding });
    expect(result.views[0]!.groups[0]!.rows.map((r) => r.cells)).toEqual([
      ['Reading.md / Dune / Dune', true],
      ['Reading.md / Dune / Frank Herbert', false],
    ]);
  });
});

describe('global functions', () => {
  it.each([
    ['if(read, "yes", "no")', 'yes'],
    ['if(nothing, "yes", "no")', 'no'],
    ['if(nothing, "yes")', null],
    ['if(price > 5, price.toFixed(2) + " dollars")', '9.50 dollars'],
    ['max(3, 9, 4)', 9],
    ['min(3, 9, 4)', 3],
    ['max(genres.length, 5)', 5],
    ['number("3.4")', 3.4],
    ['number(true)', 1],
    ['number(date("1970-01-02"))', 86_400_000],
    ['list("a")', ['a']],
    ['list(genres)', ['sf', 'politics']],
    ['list(nothing)', []],
    ['escapeHTML("<b>&</b>")', '&#60;b&#62;&#38;&#60;/b&#62;'],
  ])('%s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it('if() evaluates only the branch it takes', () => {
    expect(valueOf('if(true, 1, (1).lower())', book)).toEqual({ value: 1, problems: [] });
    expect(valueOf('if(false, 1, (1).lower())', book).problems).toHaveLength(1);
  });

  it('makes dates, durations, now and today', () => {
    expect(value('date("2025-01-01 12:00:00")', book)).toEqual(date('2025-01-01T12:00:00Z', true));
    expect(value('date("2025-01-01")', book)).toEqual(date('2025-01-01'));
    expect(value('duration("2h")', book)).toEqual(duration(7_200_000));
    expect(value('duration("1y")', book)).toEqual(duration(0, 12));
    expect(value('now()', book)).toEqual(date('2025-01-15T12:00:00Z', true));
    expect(value('today()', book)).toEqual(date('2025-01-15'));
  });

  it('makes links and files from names, paths, URLs and files', () => {
    expect(value('link("Frank Herbert")', book, [herbert])).toMatchObject({ kind: 'link', path: 'People/Frank Herbert.md' });
    expect(value('link("[[Frank Herbert|the author]]")', book, [herbert])).toMatchObject({ display: 'the author', path: 'People/Frank Herbert.md' });
    expect(value('link("Nobody", "who?")', book)).toEqual({ kind: 'link', target: 'Nobody', display: 'who?' });
    expect(value('link("https://example.org/x")', book)).toEqual({ kind: 'link', target: 'https://example.org/x', external: true });
    expect(value('link(file)', book)).toMatchObject({ kind: 'link', path: 'Books/Dune.md', display: 'Dune' });
    expect(value('file("Frank Herbert").born', book, [herbert])).toBe(1920);
    expect(value('file("People/Frank Herbert.md").basename', book, [herbert])).toBe('Frank Herbert');
    expect(value('file("Nobody")', book)).toBe(null);
    expect(value('image("https://example.org/a.png")', book)).toEqual({ kind: 'image', source: 'https://example.org/a.png' });
  });
});

describe('methods', () => {
  it.each([
    ['"hello".contains("ell")', true],
    ['"hello".containsAll("h", "o")', true],
    ['"hello".containsAny("x", "e")', true],
    ['"hello".startsWith("he")', true],
    ['"hello".endsWith("lo")', true],
    ['"".isEmpty()', true],
    ['"Hello".lower()', 'hello'],
    ['"hello big world".title()', 'Hello Big World'],
    ['"  hi  ".trim()', 'hi'],
    ['"123".repeat(2)', '123123'],
    ['"hello".reverse()', 'olleh'],
    ['"hello".slice(1, 4)', 'ell'],
    ['"hello".slice(2)', 'llo'],
    ['"a:b:c".replace(":", "-")', 'a-b-c'],
    ['"a:b:c".replace(/:/, "-")', 'a-b:c'],
    ['"a:b:c".replace(/:/g, "-")', 'a-b-c'],
    ['"a,b,c,d".split(",", 3)', ['a', 'b', 'c']],
    ['"a1b22c".split(/\\d+/)', ['a', 'b', 'c']],
    ['"hello".length', 5],
    ['/^h.l/.matches("hello")', true],
    ['/x/.matches("hello")', false],
  ])('text: %s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it.each([
    ['(-5).abs()', 5],
    ['(2.1).ceil()', 3],
    ['(2.9).floor()', 2],
    ['(2.5).round()', 3],
    ['(2.3333).round(2)', 2.33],
    ['(3.14159).toFixed(2)', '3.14'],
    ['price.isEmpty()', false],
    ['123.toString()', '123'],
    ['1.isTruthy()', true],
    ['0.isTruthy()', false],
    ['"x".isType("string")', true],
    ['genres.isType("list")', true],
    ['finished.isType("date")', true],
  ])('number and any: %s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it.each([
    ['[1, 2, 3].contains(2)', true],
    ['genres.contains("sf")', true],
    ['[1, 2, 3].containsAll(2, 3)', true],
    ['[1, 2, 3].containsAny(3, 4)', true],
    ['[1, 2, 3, 4].filter(value > 2)', [3, 4]],
    ['[1, 2, 3].filter(index != 1)', [1, 3]],
    ['[1, 2, 3, 4].map(value + 1)', [2, 3, 4, 5]],
    ['[1, 2, 3].reduce(acc + value, 0)', 6],
    ['[5, 1, 9].reduce(if(acc == null || value > acc, value, acc), null)', 9],
    ['[1, [2, 3]].flat()', [1, 2, 3]],
    ['[].isEmpty()', true],
    ['[1, 2, 3].join(",")', '1,2,3'],
    ['[1, 2, 3].reverse()', [3, 2, 1]],
    ['[1, 2, 3, 4].slice(1, 3)', [2, 3]],
    ['[3, 1, 2].sort()', [1, 2, 3]],
    ['["c", "a", "b"].sort()', ['a', 'b', 'c']],
    ['[1, 2, 2, 3].unique()', [1, 2, 3]],
    ['[2, 4].mean()', 3],
    ['genres.length', 2],
    ['genres.map(value.title()).join(" & ")', 'Sf & Politics'],
  ])('list: %s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it.each([
    ['finished.year', 2024],
    ['finished.month', 3],
    ['finished.day', 1],
    ['started.hour', 8],
    ['started.minute', 30],
    ['started.second', 0],
    ['started.millisecond', 0],
    ['finished.format("YYYY-MM-DD")', '2024-03-01'],
    ['finished.format("dddd, MMMM Do YYYY")', 'Friday, March 1st 2024'],
    ['started.format("[at] h:mm A, ddd D MMM YY")', 'at 8:30 AM, Sat 10 Feb 24'],
    ['started.date()', date('2024-02-10')],
    ['started.time()', '08:30:00'],
    ['finished.relative()', '11 months ago'],
    ['(today() + "3d").relative()', 'in 3 days'],
    ['finished.isEmpty()', false],
  ])('date: %s is %j', (expression, expected) => {
    expect(value(expression, book)).toEqual(expected);
  });

  it.each([
    ['file.hasTag("book")', true],
    ['file.hasTag("scifi")', true],
    ['file.hasTag("#SciFi")', true],
    ['file.hasTag("classic")', false],
    ['file.hasTag("nope", "book")', true],
    ['file.inFolder("Books")', true],
    ['file.inFolder("Book")', false],
    ['file.hasLink("Frank Herbert")', true],
    ['file.hasLink(file("Frank Herbert"))', true],
    ['file.hasLink(author)', true],
    ['file.hasLink("Jane Austen")', false],
    ['file.hasProperty("price")', true],
    ['file.hasProperty("nope")', false],
    ['file.asLink().display', null],
    ['author.asFile().born', 1920],
    ['author == file("Frank Herbert")', true],
    ['author == link("Frank Herbert")', true],
    ['meta.keys()', ['pages', 'lang']],
    ['meta.values()', [412, 'en']],
    ['meta.isEmpty()', false],
  ])('file, link, object: %s is %j', (expression, expected) => {
    expect(value(expression, book, [herbert])).toEqual(expected);
  });

  it('knows a nested folder and a nested tag from a name that only starts the same', () => {
    const deep = note('Books/Sci-Fi/Old/Foundation.md', { tags: ['scifiction'] });
    expect(value('file.inFolder("Books/Sci-Fi")', deep)).toBe(true);
    expect(value('file.inFolder("Books/Sci")', deep)).toBe(false);
    expect(value('file.hasTag("scifi")', deep)).toBe(false);
  });

  it('gives an empty value, not a failure, for a method on a missing property', () => {
    expect(valueOf('nothing.lower()', book)).toEqual({ value: null, problems: [] });
    expect(valueOf('nothing.isEmpty()', book)).toEqual({ value: true, problems: [] });
  });
});
