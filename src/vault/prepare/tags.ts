import type { Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from '../../markdown/visit.ts';
import { slugSegment } from '../slug.ts';
import { asSlug, type Slug } from '../types.ts';

/**
 * Obsidian's tag: `#` after whitespace or at a line's start, then letters,
 * digits, `_`, `-`, `/` and Unicode (emoji too), with at least one character
 * that is not a digit. `#1984` is not a tag; `page#setup` is not one either.
 */
const TAG = /#([\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}\u200d\ufe0f]+)/gu;

export interface TagMatch {
  start: number;
  end: number;
  /** The tag as written, without `#` or a trailing `/`. */
  tag: string;
}

export function isValidTag(tag: string): boolean {
  return /[^\d/]/u.test(tag);
}

/** Tags in a run of plain text; `atLineStart` says whether the text's first character follows whitespace or a line break. */
export function findTags(text: string, atLineStart: boolean): TagMatch[] {
  const found: TagMatch[] = [];
  for (const match of text.matchAll(TAG)) {
    const start = match.index!;
    const before = start === 0 ? (atLineStart ? ' ' : 'x') : text[start - 1]!;
    if (!/\s/u.test(before)) continue;
    const tag = match[1]!.replace(/\/+$/, '');
    if (!tag || !isValidTag(tag)) continue;
    found.push({ start, end: start + 1 + tag.length, tag });
  }
  return found;
}

/**
 * The tags a `tags` property gives, as Obsidian reads them: a list, or one
 * string of tags separated by commas or spaces, each with or without `#`.
 * An empty list item, `null` and `""` give none, nor does a tag of digits only.
 */
export function propertyTags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.filter((item) => item !== null && item !== undefined).map(String) : String(value).split(/[\s,]+/);
  return items.map((item) => item.trim().replace(/^#/, '').replace(/\/+$/, '')).filter((tag) => tag !== '' && isValidTag(tag));
}

/** The key under which a tag is one tag, whatever its case: `#DataOps` and `#dataops` are the same. */
export const tagKey = (tag: string): string => tag.normalize('NFC').toLowerCase();

/** The tag page's slug: `tags/mlops/data-flows`. */
export function tagSlug(tag: string): Slug {
  return asSlug(['tags', ...tagKey(tag).split('/').filter(Boolean).map(slugSegment)].join('/'));
}

/**
 * Turns inline tags in the tree into links to their tag pages and returns
 * them in order of appearance. Text inside links and code is left alone:
 * an URL's `#fragment` is not a tag.
 */
export function linkInlineTags(tree: Root, source: string, hrefOf: (tag: string) => string): string[] {
  const tags: string[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'markdownLink' || node.type === 'code' || node.type === 'inlineCode') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return;
    const text = node as Text;
    const offset = text.position?.start.offset;
    const atLineStart = offset === undefined || offset === 0 || /\s/u.test(source[offset - 1] ?? ' ');
    const matches = findTags(text.value, atLineStart);
    if (matches.length === 0) return;
    const replacement: RootContent[] = [];
    let cursor = 0;
    for (const match of matches) {
      if (match.start > cursor) replacement.push({ type: 'text', value: text.value.slice(cursor, match.start) });
      replacement.push({
        type: 'link',
        url: hrefOf(match.tag),
        data: { hProperties: { className: ['tag'] } },
        children: [{ type: 'text', value: `#${match.tag}` }],
      });
      tags.push(match.tag);
      cursor = match.end;
    }
    if (cursor < text.value.length) replacement.push({ type: 'text', value: text.value.slice(cursor) });
    parent.children.splice(index, 1, ...(replacement as typeof parent.children));
    return [SKIP, index + replacement.length];
  });
  return tags;
}
