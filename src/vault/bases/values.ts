/**
 * The values expressions work with, and what every operator needs to know
 * about them: their type, truth, equality, order and text.
 */
import { dateText, durationText, fromJsDate, parseDate } from './dates.ts';
import type { BaseNote, CellValue, DateValue, DurationValue, ImageValue, LinkValue } from './types.ts';

/** A note as a value: `file`, `this`, `file("Dune")`. */
export interface FileValue {
  kind: 'file';
  note: BaseNote;
}

export interface RegexValue {
  kind: 'regexp';
  regexp: RegExp;
}

export interface ValueObject {
  kind: 'object';
  fields: Readonly<Record<string, Value>>;
}

export type Value =
  | null
  | boolean
  | number
  | string
  | DateValue
  | DurationValue
  | LinkValue
  | ImageValue
  | FileValue
  | RegexValue
  | ValueObject
  | readonly Value[];

/** A mistake found while evaluating (a method on the wrong type, a bad date): the cell is empty and the base is reported. */
export class EvalError extends Error {}

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'list' | DateValue['kind'] | DurationValue['kind'] | LinkValue['kind'] | ImageValue['kind'] | FileValue['kind'] | RegexValue['kind'] | ValueObject['kind'];

export function typeOf(value: Value): TypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  return (value as Exclude<Value, null | boolean | number | string | readonly Value[]>).kind;
}

export const isList = (value: Value): value is readonly Value[] => Array.isArray(value);
export const isKind = <K extends TypeName>(value: Value, kind: K): value is Extract<Value, { kind: K }> => typeOf(value) === kind;

const WIKILINK = /^\s*!?\[\[([^\]|]+?)(?:\|([^\]]*))?\]\]\s*$/;

/** `[[Note]]` or `[[Note|text]]` as a link, else nothing. */
export function parseWikilink(text: string): LinkValue | undefined {
  const match = WIKILINK.exec(text);
  if (!match) return undefined;
  const display = match[2]?.trim();
  return { kind: 'link', target: match[1]!.trim(), ...(display ? { display } : {}) };
}

/**
 * A property's YAML value as a value: `"[[Note]]"` is a link and an ISO date
 * a date, as Obsidian types them; lists and objects are converted throughout.
 */
export function fromProperty(raw: unknown, link: (value: LinkValue) => LinkValue): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const wikilink = parseWikilink(raw);
    if (wikilink) return link(wikilink);
    return parseDate(raw) ?? raw;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : fromJsDate(raw);
  if (Array.isArray(raw)) return raw.map((item) => fromProperty(item, link));
  if (typeof raw === 'object') {
    const fields: Record<string, Value> = {};
    for (const [key, item] of Object.entries(raw)) fields[key] = fromProperty(item, link);
    return { kind: 'object', fields };
  }
  return String(raw);
}

/** Whether a value counts as true: not null, false, 0, an empty text or an empty list. */
export function isTruthy(value: Value): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (isList(value)) return value.length > 0;
  return true;
}

/** Whether a value is empty, as the Empty and Filled summaries and `isEmpty()` count it. */
export function isEmptyValue(value: Value): boolean {
  if (value === null || value === '') return true;
  if (isList(value)) return value.length === 0;
  if (isKind(value, 'object')) return Object.keys(value.fields).length === 0;
  return false;
}

/** The note a link or file value points at, by path, when it is known. */
const pathOf = (value: Value): string | undefined =>
  isKind(value, 'file') ? value.note.path : isKind(value, 'link') ? value.path : undefined;

export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const pa = pathOf(a);
  const pb = pathOf(b);
  if (pa !== undefined || pb !== undefined) {
    if (pa !== undefined && pb !== undefined) return pa === pb;
    if (isKind(a, 'link') && isKind(b, 'link')) return a.target === b.target;
    // A link that reaches no note equals the same link text.
    const link = isKind(a, 'link') ? a : isKind(b, 'link') ? b : undefined;
    const other = link === a ? b : a;
    return link !== undefined && pa === undefined && pb === undefined && typeof other === 'string' && other === link.target;
  }
  if (isList(a) || isList(b)) return isList(a) && isList(b) && a.length === b.length && a.every((item, i) => equals(item, b[i]!));
  const da = asDate(a);
  const db = asDate(b);
  if (da && db && (isKind(a, 'date') || isKind(b, 'date'))) return da.ms === db.ms;
  if (isKind(a, 'duration') && isKind(b, 'duration')) return a.ms === b.ms && a.months === b.months;
  if (isKind(a, 'link') && isKind(b, 'link')) return a.target === b.target;
  if (isKind(a, 'object') && isKind(b, 'object')) {
    const keys = Object.keys(a.fields);
    return keys.length === Object.keys(b.fields).length && keys.every((key) => key in b.fields && equals(a.fields[key]!, b.fields[key]!));
  }
  return false;
}

/** A date, or a text that reads as one (`date_prop > "2024-01-01"`). */
export function asDate(value: Value): DateValue | undefined {
  if (isKind(value, 'date')) return value;
  if (typeof value === 'string') return parseDate(value);
  return undefined;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The order of two values of comparable types, or undefined when they cannot
 * be compared (`>` is then false). Numbers by value, dates by time, texts in
 * reading order with numbers inside them by value.
 */
export function compare(a: Value, b: Value): number | undefined {
  if (a === null || b === null) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (isKind(a, 'duration') && isKind(b, 'duration')) return a.months - b.months || a.ms - b.ms;
  if ((isKind(a, 'duration') && typeof b === 'number') || (typeof a === 'number' && isKind(b, 'duration'))) return numberOf(a) - numberOf(b);
  if (isKind(a, 'date') || isKind(b, 'date')) {
    const da = asDate(a);
    const db = asDate(b);
    return da && db ? da.ms - db.ms : undefined;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if ((isKind(a, 'link') || isKind(a, 'file')) && (isKind(b, 'link') || isKind(b, 'file') || typeof b === 'string')) return collator.compare(toText(a), toText(b));
  return undefined;
}

const numberOf = (value: Value): number => (typeof value === 'number' ? value : isKind(value, 'duration') ? value.ms : Number.NaN);

/** A value as text, as `toString()` and `+` with a text give it. */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isList(value)) return value.map(toText).join(', ');
  switch (value.kind) {
    case 'date':
      return dateText(value);
    case 'duration':
      return durationText(value);
    case 'link':
      return value.display ?? value.target;
    case 'file':
      return value.note.name;
    case 'image':
      return typeof value.source === 'string' ? value.source : value.source.target;
    case 'regexp':
      return String(value.regexp);
    case 'object':
      return `{${Object.entries(value.fields).map(([key, item]) => `${key}: ${toText(item)}`).join(', ')}}`;
  }
}

/** A file as the link that shows it. */
export const fileLink = (note: BaseNote, display?: string): LinkValue => ({
  kind: 'link',
  target: note.path,
  display: display ?? note.title,
  path: note.path,
  href: note.href,
});

/** A value as a view holds it: files become links to them, patterns their text. */
export function toCell(value: Value): CellValue {
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (isList(value)) return value.map(toCell);
  switch (value.kind) {
    case 'file':
      return fileLink(value.note);
    case 'regexp':
      return String(value.regexp);
    case 'object':
      return { kind: 'object', fields: Object.fromEntries(Object.entries(value.fields).map(([key, item]) => [key, toCell(item)])) };
    default:
      return value;
  }
}
