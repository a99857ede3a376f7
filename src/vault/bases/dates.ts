/**
 * Dates and durations for bases. Everything is in UTC: a date written without
 * a zone means the same day on every build machine.
 */
import type { DateValue, DurationValue } from './types.ts';

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const dateValue = (ms: number, hasTime: boolean): DateValue => ({ kind: 'date', ms, hasTime });

/** `2024-05-01`, `2024-05-01 12:30`, `2024-05-01T12:30:00Z`… or nothing when the text is no date. */
export function parseDate(text: string): DateValue | undefined {
  const match = DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, hh, mm, ss, ms, zone] = match;
  const month = Number(mo) - 1;
  let time = Date.UTC(Number(y), month, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0), Number((ms ?? '0').padEnd(3, '0')));
  if (new Date(time).getUTCMonth() !== month || new Date(time).getUTCDate() !== Number(d)) return undefined;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return dateValue(time, hh !== undefined);
}

export function fromJsDate(date: Date): DateValue {
  const ms = date.getTime();
  return dateValue(ms, ms % DAY !== 0);
}

const UNITS: Record<string, { ms?: number; months?: number }> = {
  y: { months: 12 }, year: { months: 12 }, years: { months: 12 },
  M: { months: 1 }, month: { months: 1 }, months: { months: 1 },
  w: { ms: 7 * DAY }, week: { ms: 7 * DAY }, weeks: { ms: 7 * DAY },
  d: { ms: DAY }, day: { ms: DAY }, days: { ms: DAY },
  h: { ms: 3_600_000 }, hour: { ms: 3_600_000 }, hours: { ms: 3_600_000 },
  m: { ms: 60_000 }, minute: { ms: 60_000 }, minutes: { ms: 60_000 },
  s: { ms: 1000 }, second: { ms: 1000 }, seconds: { ms: 1000 },
};

/** `1d`, `2 hours`, `-1M`, `1y 2w`: a duration, or nothing when the text is none. */
export function parseDuration(text: string): DurationValue | undefined {
  if (!/^(?:\s*[+-]?\d+(?:\.\d+)?\s*[a-zA-Z]+)+\s*$/.test(text)) return undefined;
  let ms = 0;
  let months = 0;
  for (const [, amount, name] of text.matchAll(/([+-]?\d+(?:\.\d+)?)\s*([a-zA-Z]+)/g)) {
    // One letter is case-sensitive (`M` is a month, `m` a minute); words are not.
    const unit = name!.length === 1 ? UNITS[name!] : UNITS[name!.toLowerCase()];
    if (!unit) return undefined;
    ms += Number(amount) * (unit.ms ?? 0);
    months += Number(amount) * (unit.months ?? 0);
  }
  return { kind: 'duration', ms, months };
}

/** The date `sign` durations later (or earlier, with -1). */
export function addDuration(date: DateValue, duration: DurationValue, sign: 1 | -1): DateValue {
  const moved = new Date(date.ms);
  if (duration.months) moved.setUTCMonth(moved.getUTCMonth() + sign * duration.months);
  return dateValue(moved.getTime() + sign * duration.ms, date.hasTime || duration.ms % DAY !== 0);
}

/** Whole units of a duration, as `.days`, `.hours`… give them. */
export function durationField(duration: DurationValue, field: string): number | undefined {
  const ms = duration.ms + duration.months * 30 * DAY;
  const per: Record<string, number> = { days: DAY, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 };
  return per[field] === undefined ? undefined : Math.trunc(ms / per[field]!);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ordinal = (n: number) => `${n}${['th', 'st', 'nd', 'rd'][(n % 100 >= 11 && n % 100 <= 13) || n % 10 > 3 ? 0 : n % 10]}`;

/** The Moment.js tokens `format()` understands; longest first, so `MMMM` wins over `MM`. */
const TOKENS: [string, (d: Date) => string][] = [
  ['YYYY', (d) => pad(d.getUTCFullYear(), 4)],
  ['MMMM', (d) => MONTHS[d.getUTCMonth()]!],
  ['dddd', (d) => WEEKDAYS[d.getUTCDay()]!],
  ['MMM', (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3)],
  ['ddd', (d) => WEEKDAYS[d.getUTCDay()]!.slice(0, 3)],
  ['SSS', (d) => pad(d.getUTCMilliseconds(), 3)],
  ['YY', (d) => pad(d.getUTCFullYear() % 100)],
  ['MM', (d) => pad(d.getUTCMonth() + 1)],
  ['Do', (d) => ordinal(d.getUTCDate())],
  ['DD', (d) => pad(d.getUTCDate())],
  ['dd', (d) => WEEKDAYS[d.getUTCDay()]!.slice(0, 2)],
  ['HH', (d) => pad(d.getUTCHours())],
  ['hh', (d) => pad(d.getUTCHours() % 12 || 12)],
  ['mm', (d) => pad(d.getUTCMinutes())],
  ['ss', (d) => pad(d.getUTCSeconds())],
  ['M', (d) => String(d.getUTCMonth() + 1)],
  ['D', (d) => String(d.getUTCDate())],
  ['d', (d) => String(d.getUTCDay())],
  ['H', (d) => String(d.getUTCHours())],
  ['h', (d) => String(d.getUTCHours() % 12 || 12)],
  ['m', (d) => String(d.getUTCMinutes())],
  ['s', (d) => String(d.getUTCSeconds())],
  ['A', (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
  ['a', (d) => (d.getUTCHours() < 12 ? 'am' : 'pm')],
  ['X', (d) => String(Math.floor(d.getTime() / 1000))],
  ['x', (d) => String(d.getTime())],
  ['Q', (d) => String(Math.floor(d.getUTCMonth() / 3) + 1)],
  ['Z', () => '+00:00'],
];

/** A date written with a Moment.js pattern; text in `[brackets]` is kept as it is. */
export function formatDate(ms: number, pattern: string): string {
  const date = new Date(ms);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    if (pattern[i] === '[') {
      const close = pattern.indexOf(']', i);
      const end = close === -1 ? pattern.length : close;
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    const token = TOKENS.find(([name]) => pattern.startsWith(name, i));
    out += token ? token[1](date) : pattern[i];
    i += token ? token[0].length : 1;
  }
  return out;
}

/** `YYYY-MM-DD`, with the time when the date has one: how a date reads as text. */
export const dateText = (date: DateValue): string => formatDate(date.ms, date.hasTime ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD');

/** `3 days`, `2 hours`, `1 month`: the largest whole unit of a duration. */
export function durationText(duration: DurationValue): string {
  if (duration.months) return plural(duration.months % 12 === 0 ? duration.months / 12 : duration.months, duration.months % 12 === 0 ? 'year' : 'month');
  const ms = Math.abs(duration.ms);
  const sign = duration.ms < 0 ? '-' : '';
  const [size, unit] = ([[DAY, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']] as const).find(([size]) => ms >= size) ?? [1, 'millisecond'];
  return sign + plural(Math.round(ms / size), unit);
}

const plural = (n: number, unit: string) => `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;

/** `3 days ago`, `in 2 hours`: the date seen from `now`. */
export function relativeText(date: DateValue, now: number): string {
  const diff = date.ms - now;
  const ms = Math.abs(diff);
  if (ms < 45_000) return 'just now';
  const steps = [[365 * DAY, 'year'], [30 * DAY, 'month'], [7 * DAY, 'week'], [DAY, 'day'], [3_600_000, 'hour'], [60_000, 'minute']] as const;
  const [size, unit] = steps.find(([size]) => ms >= size) ?? steps[steps.length - 1]!;
  const text = plural(Math.max(1, Math.round(ms / size)), unit);
  return diff < 0 ? `${text} ago` : `in ${text}`;
}

/** The start of the UTC day. */
export const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;
