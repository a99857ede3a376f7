import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../../../src/vault/bases/parser.ts';
import { SyntaxProblem, tokenize } from '../../../src/vault/bases/tokenizer.ts';

/** An expression tree written back with every group in parentheses, to read precedence at a glance. */
function show(expr: Expr): string {
  switch (expr.type) {
    case 'literal':
      return JSON.stringify(expr.value);
    case 'regexp':
      return `/${expr.source}/${expr.flags}`;
    case 'name':
      return expr.name;
    case 'member':
      return `${show(expr.object)}.${expr.name}`;
    case 'index':
      return `${show(expr.object)}[${show(expr.index)}]`;
    case 'call':
      return `${show(expr.callee)}(${expr.args.map(show).join(', ')})`;
    case 'unary':
      return `(${expr.op}${show(expr.operand)})`;
    case 'binary':
      return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case 'list':
      return `[${expr.items.map(show).join(', ')}]`;
    case 'object':
      return `{${expr.entries.map(([k, v]) => `${k}: ${show(v)}`).join(', ')}}`;
  }
}

describe('tokenize', () => {
  it('reads numbers, texts in either quote, names and operators', () => {
    expect(tokenize(`price >= 2.5 && name != 'a "b"'`).map((t) => [t.type, t.text])).toEqual([
      ['name', 'price'],
      ['punct', '>='],
      ['number', '2.5'],
      ['punct', '&&'],
      ['name', 'name'],
      ['punct', '!='],
      ['string', 'a "b"'],
      ['end', ''],
    ]);
  });

  it('reads escapes inside texts', () => {
    expect(tokenize(String.raw`"a\"b\\c\n"`)[0]!.text).toBe('a"b\\c\n');
  });

  it('reads a / as a regular expression where a value is expected, and as division after one', () => {
    expect(tokenize('/ab+c/gi.matches(x)')[0]).toMatchObject({ type: 'regexp', text: 'ab+c', flags: 'gi' });
    expect(tokenize('a / b / c').filter((t) => t.type === 'punct').map((t) => t.text)).toEqual(['/', '/']);
    expect(tokenize('(x) / 2')[3]).toMatchObject({ type: 'punct', text: '/' });
    expect(tokenize('/[/]/')[0]).toMatchObject({ type: 'regexp', text: '[/]' });
  });

  it('reads `1.round()` as a number and a method', () => {
    expect(tokenize('1.round()').map((t) => t.text)).toEqual(['1', '.', 'round', '(', ')', '']);
  });

  it('reads names in any script', () => {
    expect(tokenize('注音 + café')[0]).toMatchObject({ type: 'name', text: '注音' });
  });

  it.each([
    ['"open', 'the text starting here has no closing "', 0],
    ['a # b', 'unexpected “#”', 2],
    ['x.matches(/ab', 'the regular expression starting here has no closing /', 10],
  ])('reports %s with where it is', (source, message, offset) => {
    try {
      tokenize(source);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyntaxProblem);
      expect((error as SyntaxProblem).message).toBe(message);
      expect((error as SyntaxProblem).offset).toBe(offset);
    }
  });
});

describe('parseExpression', () => {
  it.each([
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c', '((a && b) || c)'],
    ['a == b && c != d', '((a == b) && (c != d))'],
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['10 - 4 - 3', '((10 - 4) - 3)'],
    ['8 / 4 % 3', '((8 / 4) % 3)'],
    ['a < b == c >= d', '((a < b) == (c >= d))'],
    ['!a && b', '((!a) && b)'],
    ['-x.abs()', '(-x.abs())'],
    ['!file.hasTag("a")', '(!file.hasTag("a"))'],
    ['price + 1 > 2', '((price + 1) > 2)'],
    ['note["my prop"][0].length', 'note["my prop"][0].length'],
    ['[1, 2, [3]].flat()', '[1, 2, [3]].flat()'],
    ['{"a": 1, b: "x"}', '{a: 1, b: "x"}'],
    ['if(a, "y", "n")', 'if(a, "y", "n")'],
    ['true && null == false', '(true && (null == false))'],
    ['list.map(value * 2)', 'list.map((value * 2))'],
  ])('groups %s as %s', (source, expected) => {
    expect(show(parseExpression(source))).toBe(expected);
  });

  it.each([
    ['price >', 'expected a value, found the end', 7],
    ['a b', 'expected the end of the expression, found “b”', 2],
    ['f(a, b', 'expected “,”, found the end', 6],
    ['(a + b', 'expected “)”, found the end', 6],
    ['x.', 'expected a name after “.”', 2],
    ['[1 2]', 'expected “,”, found “2”', 3],
  ])('reports %s: %s', (source, message, offset) => {
    try {
      parseExpression(source);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyntaxProblem);
      expect((error as SyntaxProblem).message).toBe(message);
      expect((error as SyntaxProblem).offset).toBe(offset);
    }
  });
});
