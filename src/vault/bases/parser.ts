/**
 * Parses a base expression into a syntax tree by precedence climbing (a Pratt
 * parser): `a || b && c` groups as `a || (b && c)`, `-x.y()` as `-(x.y())`.
 */
import { SyntaxProblem, tokenize, type Token } from './tokenizer.ts';

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { type: 'literal'; value: null | boolean | number | string; start: number }
  | { type: 'regexp'; source: string; flags: string; start: number }
  | { type: 'name'; name: string; start: number }
  | { type: 'member'; object: Expr; name: string; start: number }
  | { type: 'index'; object: Expr; index: Expr; start: number }
  | { type: 'call'; callee: Expr; args: Expr[]; start: number }
  | { type: 'unary'; op: '!' | '-' | '+'; operand: Expr; start: number }
  | { type: 'binary'; op: BinaryOperator; left: Expr; right: Expr; start: number }
  | { type: 'list'; items: Expr[]; start: number }
  | { type: 'object'; entries: [string, Expr][]; start: number };

/** How tightly each binary operator binds; higher binds tighter. */
const PRECEDENCE: Record<BinaryOperator, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const UNARY_PRECEDENCE = 7;

const LITERALS: Record<string, null | boolean> = { true: true, false: false, null: null };

/** The syntax tree of one expression; a mistake throws a `SyntaxProblem` with its offset. */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.expression(0);
  parser.expectEnd();
  return expr;
}

class Parser {
  private position = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private get current(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    return this.tokens[this.position++]!;
  }

  private isPunct(text: string): boolean {
    return this.current.type === 'punct' && this.current.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) throw this.unexpected(`expected “${text}”`);
    this.position++;
  }

  expectEnd(): void {
    if (this.current.type !== 'end') throw this.unexpected('expected the end of the expression');
  }

  private unexpected(what: string): SyntaxProblem {
    const token = this.current;
    const found = token.type === 'end' ? 'the end' : `“${token.text}”`;
    return new SyntaxProblem(`${what}, found ${found}`, token.start);
  }

  /** An expression whose operators bind tighter than `minimum`. */
  expression(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.current;
      const precedence = token.type === 'punct' ? PRECEDENCE[token.text as BinaryOperator] : undefined;
      if (precedence === undefined || precedence <= minimum) return left;
      this.position++;
      const right = this.expression(precedence);
      left = { type: 'binary', op: token.text as BinaryOperator, left, right, start: token.start };
    }
  }

  private unary(): Expr {
    const token = this.current;
    if (token.type === 'punct' && (token.text === '!' || token.text === '-' || token.text === '+')) {
      this.position++;
      return { type: 'unary', op: token.text, operand: this.expression(UNARY_PRECEDENCE), start: token.start };
    }
    return this.postfix(this.primary());
  }

  /** `.name`, `[index]` and `(arguments)` after a value. */
  private postfix(expr: Expr): Expr {
    for (;;) {
      const start = this.current.start;
      if (this.isPunct('.')) {
        this.position++;
        const name = this.next();
        if (name.type !== 'name') throw new SyntaxProblem('expected a name after “.”', name.start);
        expr = { type: 'member', object: expr, name: name.text, start };
      } else if (this.isPunct('[')) {
        this.position++;
        const index = this.expression(0);
        this.expect(']');
        expr = { type: 'index', object: expr, index, start };
      } else if (this.isPunct('(')) {
        this.position++;
        expr = { type: 'call', callee: expr, args: this.list(')'), start };
      } else {
        return expr;
      }
    }
  }

  /** Comma-separated expressions up to `close`, which is consumed. */
  private list(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.isPunct(close)) {
      items.push(this.expression(0));
      if (!this.isPunct(close)) this.expect(',');
    }
    this.position++;
    return items;
  }

  private primary(): Expr {
    const token = this.next();
    const start = token.start;
    switch (token.type) {
      case 'number':
        return { type: 'literal', value: Number(token.text), start };
      case 'string':
        return { type: 'literal', value: token.text, start };
      case 'regexp':
        return { type: 'regexp', source: token.text, flags: token.flags ?? '', start };
      case 'name':
        return token.text in LITERALS ? { type: 'literal', value: LITERALS[token.text]!, start } : { type: 'name', name: token.text, start };
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression(0);
          this.expect(')');
          return inner;
        }
        if (token.text === '[') return { type: 'list', items: this.list(']'), start };
        if (token.text === '{') return this.object(start);
    }
    this.position--;
    throw this.unexpected('expected a value');
  }

  /** `{"a": 1, b: 2}`. */
  private object(start: number): Expr {
    const entries: [string, Expr][] = [];
    while (!this.isPunct('}')) {
      const key = this.next();
      if (key.type !== 'string' && key.type !== 'name') throw new SyntaxProblem('expected a key', key.start);
      this.expect(':');
      entries.push([key.text, this.expression(0)]);
      if (!this.isPunct('}')) this.expect(',');
    }
    this.position++;
    return { type: 'object', entries, start };
  }
}
