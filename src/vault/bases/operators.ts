/**
 * What `+ - * / %` and the comparisons do to each pair of types: numbers,
 * texts, dates with durations (`date + "1M"`), durations with numbers.
 */
import { addDuration, parseDuration } from './dates.ts';
import type { BinaryOperator } from './parser.ts';
import type { DurationValue } from './types.ts';
import { asDate, compare, equals, EvalError, isKind, isTruthy, toText, typeOf, type Value } from './values.ts';

/** A duration, or a text that reads as one (`now() + "1 day"`). */
function asDuration(value: Value): DurationValue | undefined {
  if (isKind(value, 'duration')) return value;
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

const finite = (n: number): Value => (Number.isFinite(n) ? n : null);

function cannot(op: string, a: Value, b: Value): EvalError {
  return new EvalError(`cannot use “${op}” on ${typeOf(a)} and ${typeOf(b)}`);
}

function add(a: Value, b: Value, sign: 1 | -1): Value {
  const op = sign === 1 ? '+' : '-';
  if (typeof a === 'number' && typeof b === 'number') return finite(a + sign * b);
  if (isKind(a, 'date')) {
    const duration = asDuration(b);
    if (duration) return addDuration(a, duration, sign);
    const other = sign === -1 ? asDate(b) : undefined;
    if (other) return { kind: 'duration', ms: a.ms - other.ms, months: 0 };
    throw cannot(op, a, b);
  }
  if (isKind(a, 'duration')) {
    const other = asDuration(b);
    if (other) return { kind: 'duration', ms: a.ms + sign * other.ms, months: a.months + sign * other.months };
    if (typeof b === 'number') return finite(a.ms + sign * b);
    throw cannot(op, a, b);
  }
  if (sign === 1 && (typeof a === 'string' || typeof b === 'string')) return toText(a) + toText(b);
  if (a === null || b === null) return null;
  throw cannot(op, a, b);
}

function multiply(op: '*' | '/' | '%', a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return finite(op === '*' ? a * b : op === '/' ? a / b : a % b);
  if (isKind(a, 'duration') && typeof b === 'number') {
    // A duration scaled stays a duration; divided, it is a number of milliseconds, as Obsidian gives it.
    if (op === '*') return { kind: 'duration', ms: a.ms * b, months: a.months * b };
    return finite(op === '/' ? a.ms / b : a.ms % b);
  }
  if (a === null || b === null) return null;
  throw cannot(op, a, b);
}

export function binary(op: Exclude<BinaryOperator, '&&' | '||'>, a: Value, b: Value): Value {
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const order = compare(a, b);
      if (order === undefined || Number.isNaN(order)) return false;
      return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
    }
    case '+':
      return add(a, b, 1);
    case '-':
      return add(a, b, -1);
    default:
      return multiply(op, a, b);
  }
}

export function unary(op: '!' | '-' | '+', value: Value): Value {
  if (op === '!') return !isTruthy(value);
  if (value === null) return null;
  if (typeof value === 'number') return op === '-' ? -value : value;
  if (isKind(value, 'duration')) return op === '-' ? { kind: 'duration', ms: -value.ms, months: -value.months } : value;
  throw new EvalError(`cannot use “${op}” on ${typeOf(value)}`);
}
