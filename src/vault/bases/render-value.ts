/**
 * One value of a base as HTML for reading: dates as dates, lists as lists,
 * links as links, booleans as (disabled) checkboxes, numbers formatted.
 * Everything a note wrote stays text; only http(s) and mailto addresses
 * become external links, so a value cannot run script.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Href, VaultPath } from '../types.ts';
import { durationText, formatDate } from './dates.ts';
import type { CellValue, DateValue, ImageValue, LinkValue } from './types.ts';

export interface ValueContext {
  /** The file the base is in: links in it resolve from there. */
  from: VaultPath;
  /** Where a link the base could not resolve to one of its notes goes (a stub page), or undefined to show its text. */
  linkHref?: (target: string, from: VaultPath) => Href | undefined;
  /** Where an attachment (a cover image) is served, or undefined when the vault has none by that name. */
  attachmentHref?: (target: string, from: VaultPath) => Href | undefined;
}

const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s<>"]+$/i;
const COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** `1,234.5`; years and other four-digit numbers keep no separator. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4, useGrouping: Math.abs(n) >= 10_000 });
}

export function dateLabel(date: DateValue): string {
  const day = DAY_FORMAT.format(date.ms);
  return date.hasTime ? `${day}, ${TIME_FORMAT.format(date.ms)}` : day;
}

const isObject = (value: CellValue): value is Exclude<CellValue, null | boolean | number | string | readonly CellValue[]> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value's text, for a sort key, an accessible name or a summary's label. */
export function valueText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (!isObject(value)) return '';
  switch (value.kind) {
    case 'date':
      return dateLabel(value);
    case 'duration':
      return durationText(value);
    case 'link':
      return value.display ?? value.target.replace(/\.md$/, '');
    case 'image':
      return typeof value.source === 'string' ? value.source : valueText(value.source);
    case 'object':
      return Object.entries(value.fields).map(([key, item]) => `${key}: ${valueText(item)}`).join(', ');
  }
}

/** What a cell sorts by in the browser: numbers, dates and booleans as numbers, the rest as text. */
export function sortKey(value: CellValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (isObject(value) && value.kind === 'date') return String(value.ms);
  if (isObject(value) && value.kind === 'duration') return String(value.ms + value.months * 30 * 86_400_000);
  return valueText(value);
}

function renderLink(link: LinkValue, context: ValueContext): ElementContent {
  const text = valueText(link);
  if (link.external) {
    return SAFE_URL.test(link.target) ? h('a', { href: link.target, className: ['external'], rel: 'noopener noreferrer' }, text) : { type: 'text', value: text };
  }
  const href = link.href ?? context.linkHref?.(link.target, context.from);
  if (!href) return { type: 'text', value: text };
  return h('a', { href, className: link.href ? ['internal'] : ['internal', 'unresolved'] }, text);
}

/** An image value's address: a URL, or an attachment the model knows. */
export function imageSource(value: CellValue, context: ValueContext): { src?: Href | string; colour?: string } {
  const source = isObject(value) && value.kind === 'image' ? (value as ImageValue).source : value;
  if (typeof source === 'string') {
    const text = source.trim();
    if (COLOUR.test(text)) return { colour: text };
    if (/^https?:\/\/[^\s<>"]+$/i.test(text)) return { src: text };
    const href = text ? context.attachmentHref?.(text, context.from) : undefined;
    return href ? { src: href } : {};
  }
  if (isObject(source) && source.kind === 'link') {
    if (source.external) return SAFE_URL.test(source.target) && /^https?:/i.test(source.target) ? { src: source.target } : {};
    const href = context.attachmentHref?.(source.target, context.from);
    return href ? { src: href } : {};
  }
  return {};
}

function renderImage(value: ImageValue, context: ValueContext, alt: string): ElementContent {
  const { src, colour } = imageSource(value, context);
  if (colour) return h('span', { className: ['base-swatch'], style: `background-color: ${colour}`, role: 'img', ariaLabel: colour });
  return src ? h('img', { src, alt, loading: 'lazy', className: ['base-image'] }) : { type: 'text', value: valueText(value) };
}

/** A value as nodes; empty values give none. */
export function renderValue(value: CellValue, context: ValueContext): ElementContent[] {
  if (value === null || value === '') return [];
  if (typeof value === 'boolean') {
    return [h('input', { type: 'checkbox', checked: value, disabled: true, ariaLabel: value ? 'yes' : 'no', className: ['base-checkbox'] })];
  }
  if (typeof value === 'number') return [h('span', { className: ['base-number'] }, formatNumber(value))];
  if (typeof value === 'string') {
    return [SAFE_URL.test(value) ? h('a', { href: value, className: ['external'], rel: 'noopener noreferrer' }, value) : { type: 'text', value }];
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => renderValue(item, context)).filter((nodes) => nodes.length);
    return items.length ? [h('ul', { className: ['base-values'] }, items.map((nodes) => h('li', nodes)))] : [];
  }
  if (!isObject(value)) return [];
  switch (value.kind) {
    case 'date':
      return [h('time', { datetime: formatDate(value.ms, value.hasTime ? 'YYYY-MM-DD[T]HH:mm:ss[Z]' : 'YYYY-MM-DD') }, dateLabel(value))];
    case 'link':
      return [renderLink(value, context)];
    case 'image':
      return [renderImage(value, context, '')];
    default:
      return [{ type: 'text', value: valueText(value) }];
  }
}
