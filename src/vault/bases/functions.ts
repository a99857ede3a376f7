/**
 * The global functions: `date()`, `link()`, `list()`, `max()`… `if()` is not
 * here: it evaluates only the branch it takes, so the evaluator handles it.
 */
import { fromPath, type Env, type Scope } from './context.ts';
import { dateValue, parseDate, parseDuration, startOfDay } from './dates.ts';
import { fileFor } from './file-values.ts';
import type { LinkValue } from './types.ts';
import { EvalError, isKind, isList, parseWikilink, toText, type Value } from './values.ts';

type GlobalFunction = (args: Value[], env: Env, scope: Scope) => Value;

const EXTERNAL = /^(?:https?:|mailto:)/i;

function numbers(args: Value[], name: string): number[] {
  const flat = args.flatMap((arg) => (isList(arg) ? arg : [arg])).filter((arg) => arg !== null);
  if (!flat.every((arg): arg is number => typeof arg === 'number')) throw new EvalError(`${name}() takes numbers`);
  return flat;
}

function toLink(target: Value, display: Value | undefined, env: Env, scope: Scope): LinkValue {
  const shown = display === undefined || display === null ? {} : { display: toText(display) };
  if (isKind(target, 'file')) return { kind: 'link', target: target.note.path, path: target.note.path, href: target.note.href, display: target.note.name, ...shown };
  if (isKind(target, 'link')) return { ...target, ...shown };
  const text = toText(target).trim();
  if (EXTERNAL.test(text)) return { kind: 'link', target: text, external: true, ...shown };
  const link = parseWikilink(text) ?? { kind: 'link', target: text };
  return env.resolveLink({ ...link, ...shown }, fromPath(scope));
}

function toNumber(value: Value): Value {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isKind(value, 'date')) return value.ms;
  if (isKind(value, 'duration')) return value.ms;
  const text = toText(value).trim();
  const number = text === '' ? Number.NaN : Number(text);
  if (Number.isNaN(number)) throw new EvalError(`“${text}” is not a number`);
  return number;
}

export const GLOBAL_FUNCTIONS: Record<string, GlobalFunction> = {
  date: ([value]) => {
    if (value === null || value === undefined) return null;
    if (isKind(value, 'date')) return value;
    const date = parseDate(toText(value));
    if (!date) throw new EvalError(`“${toText(value)}” is not a date (write YYYY-MM-DD or YYYY-MM-DD HH:mm:ss)`);
    return date;
  },
  duration: ([value]) => {
    if (value !== undefined && isKind(value, 'duration')) return value;
    const duration = parseDuration(toText(value ?? null));
    if (!duration) throw new EvalError(`“${toText(value ?? null)}” is not a duration (write 1d, 2 hours, 3M…)`);
    return duration;
  },
  now: (_args, env) => dateValue(env.now, true),
  today: (_args, env) => dateValue(startOfDay(env.now), false),
  number: ([value]) => toNumber(value ?? null),
  // An empty property is an empty list, not a list holding nothing.
  list: ([value]) => (value === undefined || value === null ? [] : isList(value) ? value : [value]),
  max: (args) => {
    const values = numbers(args, 'max');
    return values.length ? Math.max(...values) : null;
  },
  min: (args) => {
    const values = numbers(args, 'min');
    return values.length ? Math.min(...values) : null;
  },
  link: ([target, display], env, scope) => (target === undefined || target === null ? null : toLink(target, display, env, scope)),
  file: ([target], env, scope) => (target === undefined || target === null ? null : fileFor(target, scope.note ?? scope.thisFile, env)),
  image: ([source], env, scope) => {
    if (source === undefined || source === null) return null;
    if (isKind(source, 'image')) return source;
    if (isKind(source, 'link') || isKind(source, 'file')) return { kind: 'image', source: toLink(source, undefined, env, scope) };
    const text = toText(source).trim();
    const link = parseWikilink(text);
    return { kind: 'image', source: link ? env.resolveLink(link, fromPath(scope)) : text };
  },
  escapeHTML: ([value]) => toText(value ?? null).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
};

/** Functions Obsidian has that Quire leaves out, and why. */
export const UNSUPPORTED_FUNCTIONS: Record<string, string> = {
  html: 'a base cannot write HTML into the page',
  icon: 'icons are not shown yet',
  random: 'a random value would change the site at every build',
};
