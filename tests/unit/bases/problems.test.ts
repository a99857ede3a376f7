import { describe, expect, it } from 'vitest';
import { note } from './notes.ts';
import { runBase, titles } from './run.ts';

const notes = [note('A.md', { properties: { n: 1, s: 'x' }, tags: ['t'] }), note('B.md', { properties: { n: 2, s: 3 } })];
const summary = (result: ReturnType<typeof runBase>) => result.problems.map((p) => `${p.file}:${p.line} ${p.message}`);

describe('a base that does not parse', () => {
  it('reports malformed YAML with the file and line, and shows no view', () => {
    const result = runBase(['filters: file.hasTag("t")', 'views:', '  - type: table', '    name: [unclosed', '    order: []'].join('\n'), notes, { path: 'Lists/Books.base' });
    expect(result.views).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ rule: 'bad-base', file: 'Lists/Books.base', severity: 'warning' });
    expect(result.problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(result.problems[0]!.message).toMatch(/^the YAML does not parse: /);
  });

  it('counts lines from the code block’s first line in its note', () => {
    const result = runBase('views:\n  - type: table\n  bad indentation: [\n', notes, { path: 'Reading.md', firstLine: 12 });
    expect(result.problems[0]!.file).toBe('Reading.md');
    expect(result.problems[0]!.line).toBeGreaterThanOrEqual(13);
  });

  it.each([
    ['- just\n- a list', 'a base must be a list of settings (filters, formulas, views…)'],
    ['views: table', '“views” must be a list'],
    ['filters:\n  maybe: [x]', '“filters” must be an expression, or one of “and:”, “or:”, “not:” with a list under it'],
    ['views:\n  - just text', 'view 1 must be a list of settings (type, name, order…)'],
    ['views:\n  - type: table\n    limit: lots', 'view “Table”: “limit” must be a whole number'],
    ['formulas: [a, b]', '“formulas” must be a list of `name: expression` pairs'],
  ])('reports a base written the wrong way: %j', (yaml, message) => {
    expect(runBase(yaml, notes).problems.map((p) => p.message)).toContain(message);
  });

  it('reads a filter written as a bare list as “and”, and says how to write it', () => {
    const result = runBase('filters:\n  - n > 0\n  - s == "x"\nviews:\n  - type: table', notes);
    expect(titles(result)).toEqual(['A']);
    expect(result.problems[0]!.message).toBe('“filters” is a list: write “and:” (or “or:”, “not:”) above it');
  });
});

describe('expressions Quire cannot evaluate', () => {
  it.each([
    ['foo(1)', 'filter `foo(1)`: there is no function “foo()”'],
    ['daet("2024-01-01") > now()', 'filter `daet("2024-01-01") > now()`: there is no function “daet()” (did you mean “date()”?)'],
    ['s.shout()', 'filter `s.shout()`: Quire does not support the method “shout()”'],
    ['s.conatins("x")', 'filter `s.conatins("x")`: Quire does not support the method “conatins()” (did you mean “contains()”?)'],
    ['html("<b>x</b>") != ""', 'filter `html("<b>x</b>") != ""`: Quire does not support html(): a base cannot write HTML into the page'],
    ['random() > 0.5', 'filter `random() > 0.5`: Quire does not support random(): a random value would change the site at every build'],
    ['n >', 'filter `n >`: expected a value, found the end (at character 4)'],
    ['/(/.matches(s)', 'filter `/(/.matches(s)`: /(/ is not a valid regular expression'],
  ])('reports %s with the file, line, view and expression, and the view says so', (expression, message) => {
    const yaml = ['views:', '  - type: table', '    name: Mine', `    filters: ${JSON.stringify(expression)}`].join('\n');
    const result = runBase(yaml, notes, { path: 'Lists/Things.base' });
    expect(summary(result)).toEqual([`Lists/Things.base:4 view “Mine”: ${message}; the view is not shown`]);
    const view = result.views[0]!;
    expect(view.unsupported).toEqual({ expression, message: message.replace(/^filter `.*?`: /, '') });
    expect(view.groups).toEqual([]);
  });

  it('names every view a broken base filter stops, once', () => {
    const yaml = ['filters: nope()', 'views:', '  - type: table', '    name: One', '  - type: cards', '    name: Two'].join('\n');
    const result = runBase(yaml, notes);
    expect(summary(result)).toEqual(['Test.base:1 views “One”, “Two”: filter `nope()`: there is no function “nope()”; the view is not shown']);
    expect(result.views.map((v) => v.unsupported?.expression)).toEqual(['nope()', 'nope()']);
  });

  it('stops only the views that use a broken formula', () => {
    const yaml = ['formulas:', '  bad: n.frobnicate()', '  good: n + 1', 'views:', '  - type: table', '    name: Uses it', '    order: [file.name, formula.bad]', '  - type: table', '    name: Does not', '    order: [file.name, formula.good]'].join('\n');
    const result = runBase(yaml, notes);
    expect(summary(result)).toEqual(['Test.base:2 view “Uses it”: formula “bad” `n.frobnicate()`: Quire does not support the method “frobnicate()”; the view is not shown']);
    expect(result.views[0]!.unsupported?.expression).toBe('n.frobnicate()');
    expect(result.views[1]!.unsupported).toBeUndefined();
    expect(titles(result, 1)).toEqual(['A', 'B']);
  });

  it('follows formulas through the formulas they use', () => {
    const yaml = ['formulas:', '  inner: icon("x")', '  outer: formula.inner + "!"', 'views:', '  - type: table', '    order: [formula.outer]'].join('\n');
    expect(runBase(yaml, notes).views[0]!.unsupported).toEqual({ expression: 'icon("x")', message: 'Quire does not support icon(): icons are not shown yet' });
  });

  it('reports a broken formula no view uses', () => {
    expect(summary(runBase('formulas:\n  x: random()\nviews:\n  - type: table', notes))).toEqual([
      'Test.base:2 formula “x” `random()`: Quire does not support random(): a random value would change the site at every build',
    ]);
  });

  it('reports formulas that refer to themselves', () => {
    const yaml = ['formulas:', '  a: formula.b + 1', '  b: formula.a * 2', '  c: formula.c', 'views:', '  - type: table', '    order: [formula.a]'].join('\n');
    const result = runBase(yaml, notes);
    expect(result.views[0]!.unsupported).toEqual({ expression: 'formula.b + 1', message: 'formula “a” refers to itself (a → b → a)' });
    expect(summary(result)).toEqual([
      'Test.base:2 view “Table”: formula “a” `formula.b + 1`: formula “a” refers to itself (a → b → a); the view is not shown',
      'Test.base:3 formula “b” `formula.a * 2`: formula “b” refers to itself (a → b → a)',
      'Test.base:4 formula “c” `formula.c`: formula “c” refers to itself (c → c)',
    ]);
  });

  it('shows views of other types as not supported', () => {
    const result = runBase('views:\n  - type: map\n    name: Places\n  - type: kanban', notes);
    expect(result.views.map((v) => v.unsupported)).toEqual([
      { expression: 'type: map', message: '“map” views are not supported yet' },
      { expression: 'type: kanban', message: '“kanban” views are not supported yet' },
    ]);
    expect(result.problems[0]).toMatchObject({
      line: 2,
      message: 'view “Places”: `type: map`: “map” views are not supported yet; the view is not shown',
      hint: 'Quire shows table, cards and list views',
    });
  });
});

describe('mistakes met while evaluating', () => {
  it('reports a failing expression once, naming the view and the first note it failed for, and leaves its cells empty', () => {
    const yaml = ['formulas:', '  loud: s.lower()', 'views:', '  - type: table', '    name: Loud', '    order: [file.name, formula.loud]'].join('\n');
    const result = runBase(yaml, [...notes, note('C.md', { properties: { s: 4 } })]);
    expect(summary(result)).toEqual(['Test.base:2 view “Loud”: formula “loud” `s.lower()`: number has no method “lower()” (for “B.md”)']);
    expect(result.views[0]!.groups[0]!.rows.map((r) => r.cells[1])).toEqual(['x', null, null]);
  });

  it('reports a formula, a summary or a column the base does not define, with a guess', () => {
    const yaml = ['formulas:', '  total: n * 2', '  label: formula.totl + 1', 'views:', '  - type: table', '    name: V', '    order: [formula.label, formula.totall]', '    summaries:', '      n: Avrage'].join('\n');
    const result = runBase(yaml, notes);
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [3, 'formula “label” `formula.totl + 1`: there is no formula “totl”; it is empty', 'did you mean “total”?'],
      [5, 'view “V”: there is no formula “totall”; its column stays empty', 'did you mean “total”?'],
      [5, 'view “V”: “note.n” asks for the summary “Avrage”, which neither Quire nor the base defines', 'did you mean “Average”?'],
    ]);
    expect(result.views[0]!.groups[0]!.rows[0]!.cells).toEqual([null, null]);
  });

  it('never throws, whatever the base says', () => {
    const texts = ['', '~', '42', 'views:', 'views: [1, "x", null]', 'filters: [[[', 'filters: {and: "x"}', 'formulas: {a: null}', 'views:\n  - order: 5\n    sort: x\n    groupBy: [1]', 'views:\n  - sort:\n      - direction: DESC', '"\\u0000"'];
    for (const text of texts) expect(() => runBase(text, notes)).not.toThrow();
  });
});
