/**
 * Methods on lists. `filter`, `map` and `reduce` take an expression, not a
 * value: it is evaluated once per item with `value`, `index` (and `acc`) bound.
 */
import type { Expr } from './parser.ts';
import { integer, type Method } from './text-methods.ts';
import { compare, equals, EvalError, isList, toText, type Value } from './values.ts';

const includes = (list: readonly Value[], wanted: Value) => list.some((item) => equals(item, wanted));

function sorted(list: readonly Value[]): Value[] {
  return [...list].sort((a, b) => {
    const order = compare(a, b);
    if (order !== undefined && !Number.isNaN(order)) return order;
    return a === null ? 1 : b === null ? -1 : toText(a).localeCompare(toText(b));
  });
}

function numbers(list: readonly Value[]): number[] {
  return list.filter((item): item is number => typeof item === 'number');
}

export const LIST_METHODS: Record<string, Method<readonly Value[]>> = {
  contains: (self, args) => includes(self, args[0] ?? null),
  containsAll: (self, args) => args.every((arg) => includes(self, arg)),
  containsAny: (self, args) => args.some((arg) => includes(self, arg)),
  isEmpty: (self) => self.length === 0,
  join: (self, args) => self.map(toText).join(args[0] === undefined ? ',' : toText(args[0])),
  flat: (self) => self.flatMap((item) => (isList(item) ? item : [item])),
  reverse: (self) => [...self].reverse(),
  slice: (self, args) => self.slice(integer(args, 0, 0), args[1] === undefined ? undefined : integer(args, 1)),
  sort: (self) => sorted(self),
  unique: (self) => self.filter((item, i) => self.findIndex((other) => equals(item, other)) === i),
  mean: (self) => {
    const values = numbers(self);
    return values.length ? values.reduce((sum, n) => sum + n, 0) / values.length : null;
  },
};

/** Evaluates an expression with some variables bound. */
export type EvaluateWith = (expr: Expr, locals: Record<string, Value>) => Value;

export const LAZY_LIST_METHODS: Record<string, (self: readonly Value[], args: Expr[], evaluate: EvaluateWith, truthy: (v: Value) => boolean) => Value> = {
  filter: (self, args, evaluate, truthy) => {
    const test = needed(args, 0, 'filter');
    return self.filter((value, index) => truthy(evaluate(test, { value, index })));
  },
  map: (self, args, evaluate) => {
    const change = needed(args, 0, 'map');
    return self.map((value, index) => evaluate(change, { value, index }));
  },
  reduce: (self, args, evaluate) => {
    const step = needed(args, 0, 'reduce');
    let acc: Value = args[1] ? evaluate(args[1], {}) : null;
    self.forEach((value, index) => {
      acc = evaluate(step, { value, index, acc });
    });
    return acc;
  },
};

function needed(args: Expr[], i: number, name: string): Expr {
  const arg = args[i];
  if (!arg) throw new EvalError(`${name}() needs an expression`);
  return arg;
}
