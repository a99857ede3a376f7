/** Methods on texts (`"hello".contains("ell")`) and on regular expressions (`/ab/.matches(x)`). */
import { EvalError, isKind, toText, type RegexValue, type Value } from './values.ts';

export type Method<T> = (self: T, args: Value[]) => Value;

const text = (args: Value[], i: number): string => toText(args[i] ?? null);

export function integer(args: Value[], i: number, fallback?: number): number {
  const value = args[i];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw new EvalError('a number is missing');
    return fallback;
  }
  if (typeof value !== 'number') throw new EvalError(`expected a number, found ${toText(value)}`);
  return Math.trunc(value);
}

/** A `replace()` or `split()` pattern: a regular expression as written, or a text matched literally. */
const pattern = (value: Value | undefined): RegexValue['regexp'] | string =>
  value !== undefined && isKind(value, 'regexp') ? value.regexp : toText(value ?? null);

export const STRING_METHODS: Record<string, Method<string>> = {
  contains: (self, args) => self.includes(text(args, 0)),
  containsAll: (self, args) => args.every((_, i) => self.includes(text(args, i))),
  containsAny: (self, args) => args.some((_, i) => self.includes(text(args, i))),
  startsWith: (self, args) => self.startsWith(text(args, 0)),
  endsWith: (self, args) => self.endsWith(text(args, 0)),
  isEmpty: (self) => self.length === 0,
  lower: (self) => self.toLowerCase(),
  title: (self) => self.replace(/(^|[\s\-_])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
  trim: (self) => self.trim(),
  reverse: (self) => [...self].reverse().join(''),
  repeat: (self, args) => self.repeat(Math.max(0, Math.min(integer(args, 0), 10_000))),
  slice: (self, args) => self.slice(integer(args, 0, 0), args[1] === undefined ? undefined : integer(args, 1)),
  replace: (self, args) => {
    const find = pattern(args[0]);
    const by = text(args, 1);
    // A text is replaced everywhere; a regular expression as its `g` flag says.
    return typeof find === 'string' ? self.split(find).join(by) : self.replace(find, by);
  },
  split: (self, args) => {
    const parts = self.split(pattern(args[0]));
    return args[1] === undefined ? parts : parts.slice(0, integer(args, 1));
  },
};

export const REGEXP_METHODS: Record<string, Method<RegexValue>> = {
  matches: (self, args) => {
    self.regexp.lastIndex = 0;
    return self.regexp.test(text(args, 0));
  },
};

