import type { Property, PropertyText, PropertyValue, VaultPath } from '../types.ts';
import { excerpt } from './excerpt.ts';
import type { Frontmatter, PropertyLines } from './frontmatter.ts';
import { linkDisplayText, parseLinkTarget } from './link-target.ts';
import type { LinkOccurrence } from './types.ts';

/**
 * Properties Quire reads as settings, or shows elsewhere on the page (the
 * title, the tags, the dates): the properties table leaves them out.
 * `aliases` stay, as Obsidian shows them.
 */
const OWN_KEYS = new Set(['publish', 'draft', 'permalink', 'title', 'book', 'cssclasses', 'cssclass', 'tags', 'tag', 'date', 'created', 'updated', 'modified']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const URL_VALUE = /^https?:\/\/[^\s]+$/i;
/** A `[[link]]` in a text property; Obsidian asks for the value to be quoted in YAML, so it stays a string. */
const WIKI_LINK = /\[\[([^[\]]+?)\]\]/g;

export interface PropertyContext {
  path: VaultPath;
  lines: PropertyLines;
  nextLinkIndex: () => number;
  /** Where the links found are collected: on the note's first page, above its text. */
  occurrences: LinkOccurrence[];
}

/**
 * A note's properties as its page shows them, typed as Obsidian types them
 * (text, list, number, checkbox, date, date and time), with every `[[link]]`
 * in a text or list value numbered as one of the note's links, so it counts
 * in backlinks, the graph, hubs and stubs like a link in the text.
 */
export function readProperties(frontmatter: Frontmatter, context: PropertyContext): Property<number>[] {
  const properties: Property<number>[] = [];
  for (const [key, raw] of Object.entries(frontmatter)) {
    if (OWN_KEYS.has(key.toLowerCase())) continue;
    const found: Omit<LinkOccurrence, 'excerpt'>[] = [];
    const where = context.lines[key];
    const value = valueOf(raw, (rawLink, item) => {
      const index = context.nextLinkIndex();
      const divider = rawLink.indexOf('|');
      const target = parseLinkTarget(divider === -1 ? rawLink : rawLink.slice(0, divider));
      const text = linkDisplayText(target, divider === -1 ? undefined : rawLink.slice(divider + 1));
      const line = (item === undefined ? undefined : where?.items[item]) ?? where?.line ?? 1;
      found.push({ index, from: context.path, part: 0, line, raw: rawLink, target, text, trail: [], form: 'property' });
      return { index, text };
    });
    // A link's excerpt is the property as a reader sees it: `related: Alpha, Beta`.
    const shown = `${key}: ${plainText(value)}`;
    for (const link of found) context.occurrences.push({ ...link, excerpt: excerpt(shown, key.length + 2) });
    properties.push({ key, value });
  }
  return properties;
}

type LinkFound = (raw: string, item: number | undefined) => { index: number; text: string };

function valueOf(raw: unknown, link: LinkFound, item?: number): PropertyValue<number> {
  if (raw === null || raw === undefined || raw === '') return { type: 'empty' };
  if (Array.isArray(raw)) {
    if (item !== undefined) return { type: 'object', source: JSON.stringify(raw) };
    return raw.length === 0 ? { type: 'empty' } : { type: 'list', items: raw.map((entry, i) => valueOf(entry, link, i)) };
  }
  if (typeof raw === 'boolean') return { type: 'checkbox', checked: raw };
  if (typeof raw === 'number' || typeof raw === 'bigint') return { type: 'number', value: Number(raw) };
  if (raw instanceof Date) {
    const iso = raw.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? { type: 'date', date: iso.slice(0, 10) } : { type: 'datetime', datetime: iso.slice(0, 19) };
  }
  if (typeof raw === 'object') return { type: 'object', source: JSON.stringify(raw) };
  const text = String(raw).trim();
  if (DATE.test(text)) return { type: 'date', date: text };
  if (DATETIME.test(text)) return { type: 'datetime', datetime: text };
  if (URL_VALUE.test(text)) return { type: 'url', href: text };
  return { type: 'text', text: textWithLinks(text, link, item) };
}

function textWithLinks(text: string, link: LinkFound, item: number | undefined): PropertyText<number> {
  const pieces: PropertyText<number> = [];
  let cursor = 0;
  for (const match of text.matchAll(WIKI_LINK)) {
    if (match.index > cursor) pieces.push({ text: text.slice(cursor, match.index) });
    const found = link(match[1]!, item);
    pieces.push({ text: found.text, link: found.index });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
  return pieces;
}

/** A value as plain text, its links by what they read. */
export function plainText(value: PropertyValue<unknown>): string {
  switch (value.type) {
    case 'text':
      return value.text.map((piece) => piece.text).join('');
    case 'url':
      return value.href;
    case 'number':
      return String(value.value);
    case 'checkbox':
      return value.checked ? 'yes' : 'no';
    case 'date':
      return value.date;
    case 'datetime':
      return value.datetime;
    case 'list':
      return value.items.map(plainText).join(', ');
    case 'object':
      return value.source;
    default:
      return '';
  }
}
