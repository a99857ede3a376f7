import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Point } from 'unist';
import { SKIP, visit } from '../../markdown/visit.ts';
import { remarkObsidian } from '../../markdown/pipeline.ts';
import remarkGfmWithoutLiteralAutolinks, { mayHoldLiteralAutolink } from '../../markdown/remark-gfm-without-literal-autolinks.ts';
import stripComments, { type StrippedComments, type TextRange } from '../../markdown/strip-comments.ts';
import type { NoteFormat } from '../types.ts';

/**
 * The one Markdown parser of the vault: CommonMark, GFM, frontmatter and
 * Obsidian's syntax (wiki-links, math, highlights, callouts; see
 * src/markdown/pipeline.ts).
 */
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkObsidian);

/** The same for a note with nothing a literal autolink could be made of: the same tree, in about half the time. */
const markdownWithoutAutolinks = unified().use(remarkParse).use(remarkGfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml']).use(remarkObsidian);

/** `.mdx` notes are read with MDX syntax too, so imports and components are not taken for text. */
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkObsidian);

export const formatOf = (path: string): NoteFormat => (/\.mdx$/i.test(path) ? 'mdx' : 'md');

/** The parser for a text of this format. */
function parserFor(format: NoteFormat, text: string) {
  if (format === 'mdx') return mdx;
  return mayHoldLiteralAutolink(text) ? markdown : markdownWithoutAutolinks;
}

/** Where `%%` is text, not a comment: code, math, frontmatter and MDX's code. */
const LITERAL = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** A note's text without its `%%comments%%`; see src/markdown/strip-comments.ts. */
export function stripNoteComments(text: string, format: NoteFormat = 'md'): StrippedComments {
  // Most notes have no comment: answered before the scans below, which cost more than the search itself.
  if (!text.includes('%%')) return stripComments(text, { literalRanges: () => [] });
  const plain = format === 'md' ? plainLiteralRanges(text) : undefined;
  if (plain) {
    const stripped = stripComments(text, { literalRanges: () => plain });
    // Cutting a comment can join spaces or tildes into an indent or a fence; those notes take the parser's way.
    if (!JOINED_LITERAL.test(stripped.text)) return stripped;
  }
  return stripComments(text, { literalRanges: parsedLiteralRanges(format) });
}

/** Where `%%` is literal in a text, as the parser sees it: one full parse per call. */
export function parsedLiteralRanges(format: NoteFormat): (text: string) => TextRange[] {
  return (current) => {
    const ranges: TextRange[] = [];
    let tree: Root;
    try {
      tree = parserFor(format, current).parse(current);
    } catch {
      // MDX that does not parse may do so once a comment is cut; the real parse reports it otherwise.
      return ranges;
    }
    visit(tree, (node) => {
      const { start, end } = node.position ?? {};
      if (!LITERAL.has(node.type) || start?.offset === undefined || end?.offset === undefined) return undefined;
      ranges.push({ start: start.offset, end: end.offset });
      return SKIP;
    });
    return ranges;
  };
}

/**
 * Code, inline code and math each need a character or run the note may not
 * have: a backtick, a dollar, `~~~`, a tab or four spaces (indented code,
 * inside lists and quotes too). Cutting a comment never adds a backtick,
 * dollar or tab, and any run of spaces or tildes it joins is still joined
 * once every comment is cut, so checking the source and the final text
 * covers each text the search for comments parses.
 */
const JOINED_LITERAL = /~~~| {4}/;
const mayHoldLiteral = (text: string): boolean => /[`$\t]/.test(text) || JOINED_LITERAL.test(text);

/**
 * Parsing the whole note once per comment, only to learn where code stands,
 * was most of the time spent preparing template-heavy vaults. For a note
 * with no code and no math the only literal range is its frontmatter, found
 * here without the parser: the ranges, or undefined when the parser must say.
 */
function plainLiteralRanges(text: string): TextRange[] | undefined {
  // A byte-order mark may stand before frontmatter: the parser's to judge.
  if (mayHoldLiteral(text) || text.startsWith('\uFEFF')) return undefined;
  if (!text.startsWith('---')) return [];
  // Up to the first line that is exactly `---`: at least as far as the parser's frontmatter reaches.
  const close = /^---\r?$/m.exec(text.slice(3));
  if (!close) return undefined;
  const end = 3 + close.index + close[0].length;
  // A `%%` inside it is the parser's to judge.
  if (text.slice(0, end).includes('%%')) return undefined;
  return [{ start: 0, end }];
}

/**
 * Parses a note, comments cut out first so nothing in them is linked,
 * tagged or shown. Positions in the tree are positions in `text`.
 */
export function parseMarkdown(text: string, format: NoteFormat = 'md'): Root {
  const stripped = stripNoteComments(text, format);
  // Chosen by the text without comments: cutting one can join `ww` and `w.` into `www.`.
  const parser = parserFor(format, stripped.text);
  const tree = parser.parse(stripped.text);
  if (stripped.comments.length > 0) restorePositions(tree, stripped, text);
  return parser.runSync(tree, text) as Root;
}

/** Maps the tree's positions from the text without comments back to the note's text. */
function restorePositions(tree: Root, stripped: StrippedComments, text: string): void {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const pointAt = (offset: number): Point => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  };
  visit(tree as Node, (node) => {
    const position = node.position;
    if (position?.start.offset === undefined || position.end.offset === undefined) return;
    const start = stripped.originalOffset(position.start.offset);
    const end = position.end.offset > position.start.offset ? stripped.originalOffset(position.end.offset - 1) + 1 : start;
    node.position = { start: pointAt(start), end: pointAt(end) };
  });
}

/** The mdast node remark-wiki-link makes for `[[value|alias]]`. */
export interface WikiLinkNode {
  type: 'wikiLink';
  value: string;
  data: { alias?: string; [key: string]: unknown };
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
  }
}
