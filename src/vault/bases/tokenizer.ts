/**
 * Splits a base expression (`file.hasTag("book") && price > 2`) into tokens.
 * A `/` starts a regular expression where a value is expected and divides
 * anywhere else, as in JavaScript.
 */

export type TokenType = 'number' | 'string' | 'regexp' | 'name' | 'punct' | 'end';

export interface Token {
  type: TokenType;
  /** The number's text, the string's content, the name, the operator; for a regexp its source. */
  text: string;
  /** A regexp's flags. */
  flags?: string;
  /** Offset in the expression. */
  start: number;
}

/** A mistake in how an expression is written, with where it is. */
export class SyntaxProblem extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const PUNCTUATION = ['==', '!=', '>=', '<=', '&&', '||', '+', '-', '*', '/', '%', '>', '<', '!', '(', ')', '[', ']', '{', '}', ',', '.', ':'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const valueExpected = () => {
    const last = tokens[tokens.length - 1];
    return !last || (last.type === 'punct' && ![')', ']', '}'].includes(last.text));
  };
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const start = i;
    if (/\d/.test(char) || (char === '.' && /\d/.test(source[i + 1] ?? '') && valueExpected())) {
      // `1.round()` reads as 1 then a method: a dot is a decimal point only with a digit after it.
      const text = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(source.slice(i))![0];
      tokens.push({ type: 'number', text, start });
      i += text.length;
    } else if (char === '"' || char === "'") {
      const [text, end] = readString(source, i);
      tokens.push({ type: 'string', text, start });
      i = end;
    } else if (char === '/' && valueExpected()) {
      const [text, flags, end] = readRegexp(source, i);
      tokens.push({ type: 'regexp', text, flags, start });
      i = end;
    } else if (/[\p{L}_$]/u.test(char)) {
      const match = /^[\p{L}\p{N}\p{M}_$]+/u.exec(source.slice(i))!;
      tokens.push({ type: 'name', text: match[0], start });
      i += match[0].length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (!punct) throw new SyntaxProblem(`unexpected “${char}”`, i);
      tokens.push({ type: 'punct', text: punct, start });
      i += punct.length;
    }
  }
  tokens.push({ type: 'end', text: '', start: source.length });
  return tokens;
}

function readString(source: string, open: number): [string, number] {
  const quote = source[open];
  let text = '';
  for (let i = open + 1; i < source.length; i++) {
    const char = source[i]!;
    if (char === quote) return [text, i + 1];
    if (char === '\\' && i + 1 < source.length) {
      const next = source[++i]!;
      text += ESCAPES[next] ?? next;
    } else {
      text += char;
    }
  }
  throw new SyntaxProblem(`the text starting here has no closing ${quote}`, open);
}

function readRegexp(source: string, open: number): [string, string, number] {
  let inClass = false;
  for (let i = open + 1; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') i++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) {
      const flags = /^[a-z]*/.exec(source.slice(i + 1))![0];
      return [source.slice(open + 1, i), flags, i + 1 + flags.length];
    }
  }
  throw new SyntaxProblem('the regular expression starting here has no closing /', open);
}
