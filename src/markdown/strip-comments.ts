/**
 * Why: Obsidian's `%%comments%%` are notes to self, shown only while editing.
 * Nothing in one may reach the page, the search index, the links or the tags,
 * and a comment may run across lines and paragraphs, which no transform of
 * the parsed tree can see whole. So comments are cut from the source before
 * the note is parsed for real. Code is literal, so `%%` inside code spans,
 * code blocks, math and frontmatter is text, never a comment marker.
 *
 * A comment is deleted whole, line breaks included, as if it had never been
 * typed: a comment that ends a line leaves no hard break, one whose middle
 * lines are blank does not split the paragraph it stands in, and one inside
 * a quote does not end the quote. Positions must still point into the note
 * (problems are reported as file:line), so `originalOffset` maps an offset in
 * the stripped text back to the source.
 */

/** A half-open range `[start, end)` of a text. */
export interface TextRange {
  start: number;
  end: number;
}

export interface StripCommentsOptions {
  /**
   * The ranges of `text` where `%%` is literal: code, math, frontmatter.
   * Called again after each comment is cut, since a comment can hide the
   * start of a code block and so change what is code after it.
   */
  literalRanges: (text: string) => TextRange[];
}

export interface StrippedComments {
  /** The text without its comments. */
  text: string;
  /** The comments, `%%` included, as ranges of the original text. */
  comments: TextRange[];
  /** The offset in the original text of the character at `offset` in `text`; `offset === text.length` maps to the end. */
  originalOffset: (offset: number) => number;
}

const MARKER = '%%';

export default function stripComments(source: string, options: StripCommentsOptions): StrippedComments {
  const comments: TextRange[] = [];
  let stripped = source;
  let cursor = 0;
  while (source.includes(MARKER, cursor)) {
    const literal = options.literalRanges(stripped).map((range) => toOriginalRange(range, comments));
    const isLiteral = (at: number) => literal.some((range) => at < range.end && at + MARKER.length > range.start);
    const open = findMarker(source, cursor, (at) => !isLiteral(at) && !escaped(source, at));
    if (open === -1) break;
    // Code that starts inside the comment and never ends (a fence opened in it) is the comment's text.
    const runsOn = (range: TextRange) => range.start > open && range.end >= source.trimEnd().length;
    const inCode = (at: number) => literal.some((range) => !runsOn(range) && at < range.end && at + MARKER.length > range.start);
    const close = findMarker(source, open + MARKER.length, (at) => !inCode(at));
    // Obsidian hides everything after a `%%` that is never closed.
    const end = close === -1 ? source.length : close + MARKER.length;
    comments.push({ start: open, end });
    stripped = without(source, comments);
    cursor = end;
  }
  return { text: stripped, comments, originalOffset: (offset) => originalOffset(offset, comments) };
}

function findMarker(text: string, from: number, accept: (at: number) => boolean): number {
  for (let at = text.indexOf(MARKER, from); at !== -1; at = text.indexOf(MARKER, at + 1)) {
    if (accept(at)) return at;
  }
  return -1;
}

/** `\%%` is an escaped percent sign followed by another, not a comment. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function without(text: string, deleted: TextRange[]): string {
  let result = '';
  let cursor = 0;
  for (const range of deleted) {
    result += text.slice(cursor, range.start);
    cursor = range.end;
  }
  return result + text.slice(cursor);
}

/** `deleted` is in order: comments are found from the start. */
function originalOffset(offset: number, deleted: TextRange[]): number {
  let original = offset;
  for (const range of deleted) {
    if (range.start > original) break;
    original += range.end - range.start;
  }
  return original;
}

function toOriginalRange(range: TextRange, deleted: TextRange[]): TextRange {
  const start = originalOffset(range.start, deleted);
  const end = range.end > range.start ? originalOffset(range.end - 1, deleted) + 1 : start;
  return { start, end };
}
