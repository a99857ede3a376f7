import type { ElementId, Slug } from './types.ts';

/** A heading of a note, where it landed after the note was split into pages. */
export interface Heading {
  depth: number;
  /** The heading as written in the note, the text a `[[Note#...]]` link names. */
  text: string;
  /** The text a reader sees (wiki-links shown as their display text). */
  displayText: string;
  /** The id rehype-slug gave it on its page. */
  id: ElementId;
  page: Slug;
  line: number;
}

/**
 * The form in which a heading and a link's heading part are compared.
 * Obsidian writes heading links without the characters it cannot put in a
 * link (`# | ^ : %% [[ ]]`), so `Chapter 4: Ingest` is linked as `Chapter 4 Ingest`;
 * both sides drop those characters, fold case and squeeze spaces.
 */
export function headingKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\[\[|\]\]/g, '')
    .replace(/[#|^:%]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Obsidian also finds a heading when the link leaves out trailing punctuation (`What is S3` for `What is S3?`). */
function looseKey(text: string): string {
  return headingKey(text).replace(/[\s?!.,;]+$/, '');
}

/**
 * The heading a link's heading chain names, in a note's headings in document
 * order: `['Part', 'Sub']` is a `Sub` below a `Part`. When several match, the
 * first wins, as in Obsidian.
 */
export function findHeading(headings: readonly Heading[], chain: readonly string[]): Heading | undefined {
  if (chain.length === 0) return undefined;
  for (const keyOf of [headingKey, looseKey]) {
    const wanted = chain.map(keyOf);
    const found = headings.find((heading, index) => {
      if (keyOf(heading.text) !== wanted[wanted.length - 1]) return false;
      // Walk up through the heading's ancestors, matching the rest of the chain in order.
      let need = wanted.length - 2;
      let depth = heading.depth;
      for (let i = index - 1; i >= 0 && need >= 0; i--) {
        const above = headings[i]!;
        if (above.depth >= depth) continue;
        depth = above.depth;
        if (keyOf(above.text) === wanted[need]) need--;
      }
      return need < 0;
    });
    if (found) return found;
  }
  return undefined;
}
