/**
 * Calls a method on a value: the methods of its type first, then those every
 * value has (`isEmpty`, `isTruthy`, `isType`, `toString`).
 */
import type { Env, Scope } from './context.ts';
import { dateValue, formatDate, relativeText, startOfDay } from './dates.ts';
import { asLink, fileFor, hasLink, hasTag, inFolder } from './file-values.ts';
import { LAZY_LIST_METHODS, LIST_METHODS } from './list-methods.ts';
import { integer, REGEXP_METHODS, STRING_METHODS, type Method } from './text-methods.ts';
import type { DateValue, LinkValue } from './types.ts';
import { EvalError, isEmptyValue, isTruthy, toText, typeOf, type FileValue, type Value, type ValueObject } from './values.ts';

type EnvMethod<T> = (self: T, args: Value[], env: Env, scope: Scope) => Value;

const NUMBER_METHODS: Record<string, Method<number>> = {
  abs: (self) => Math.abs(self),
  ceil: (self) => Math.ceil(self),
  floor: (self) => Math.floor(self),
  round: (self, args) => {
    const factor = 10 ** integer(args, 0, 0);
    return Math.round(self * factor) / factor;
  },
  toFixed: (self, args) => self.toFixed(Math.max(0, Math.min(integer(args, 0, 0), 100))),
};

const DATE_METHODS: Record<string, EnvMethod<DateValue>> = {
  date: (self) => dateValue(startOfDay(self.ms), false),
  format: (self, args) => formatDate(self.ms, args[0] === undefined ? 'YYYY-MM-DD' : toText(args[0])),
  time: (self) => formatDate(self.ms, 'HH:mm:ss'),
  relative: (self, _args, env) => relativeText(self, env.now),
  isEmpty: () => false,
};

const LINK_METHODS: Record<string, EnvMethod<LinkValue>> = {
  asFile: (self, _args, env, scope) => fileFor(self, scope.note ?? scope.thisFile, env),
  linksTo: (self, args, env, scope) => {
    const file = fileFor(self, scope.note ?? scope.thisFile, env);
    return file !== null && hasLink(file.note, args[0] ?? null, env);
  },
};

const FILE_METHODS: Record<string, EnvMethod<FileValue>> = {
  asLink: (self, args) => asLink(self.note, args[0]),
  hasLink: (self, args, env) => hasLink(self.note, args[0] ?? null, env),
  hasTag: (self, args) => hasTag(self.note, args),
  hasProperty: (self, args) => Object.hasOwn(self.note.properties, toText(args[0] ?? null)),
  inFolder: (self, args) => inFolder(self.note, args[0] ?? null),
};

const OBJECT_METHODS: Record<string, Method<ValueObject>> = {
  keys: (self: ValueObject) => Object.keys(self.fields),
  values: (self) => Object.values(self.fields),
};

const TYPE_NAMES: Record<string, string[]> = { list: ['list', 'array'], object: ['object'], file: ['file'], link: ['link'], date: ['date'] };

const ANY_METHODS: Record<string, Method<Value>> = {
  isEmpty: (self) => isEmptyValue(self),
  isTruthy: (self) => isTruthy(self),
  isType: (self, args) => {
    const wanted = toText(args[0] ?? null).toLowerCase();
    const type = typeOf(self);
    return (TYPE_NAMES[type] ?? [type]).includes(wanted);
  },
  toString: (self: Value) => toText(self),
};

/** The methods of each type, by the name `typeOf` gives the type. */
const BY_TYPE: Record<string, Record<string, EnvMethod<never>>> = {
  string: STRING_METHODS,
  number: NUMBER_METHODS,
  list: LIST_METHODS,
  date: DATE_METHODS,
  link: LINK_METHODS,
  file: FILE_METHODS,
  object: OBJECT_METHODS,
  regexp: REGEXP_METHODS,
};

/** Every method name Quire knows, for telling an unsupported method from a misapplied one. */
export const METHOD_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(BY_TYPE).flatMap((table) => Object.keys(table)),
  ...Object.keys(LAZY_LIST_METHODS),
  ...Object.keys(ANY_METHODS),
]);

export const isLazyMethod = (name: string): boolean => Object.hasOwn(LAZY_LIST_METHODS, name);
export { LAZY_LIST_METHODS };

export function callMethod(self: Value, name: string, args: Value[], env: Env, scope: Scope): Value {
  const type = typeOf(self);
  const own = BY_TYPE[type];
  if (own && Object.hasOwn(own, name)) return (own[name] as EnvMethod<Value>)(self, args, env, scope);
  if (Object.hasOwn(ANY_METHODS, name)) return ANY_METHODS[name]!(self, args);
  // A missing property has no methods; its cell stays empty rather than failing.
  if (self === null) return null;
  throw new EvalError(`${type} has no method “${name}()”`);
}
