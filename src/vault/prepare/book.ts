import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Frontmatter } from './frontmatter.ts';

/** One page's share of a note: the whole note, or a book's landing text or one chapter. */
export interface NotePart {
  kind: 'note' | 'book' | 'chapter';
  tree: Root;
}

const isTopHeading = (node: RootContent): node is Heading => node.type === 'heading' && node.depth === 1;

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
const ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|final';
const DIVISIONS = 'chapter|chap\\.|part|book|volume|vol\\.|lesson|lecture|module|unit|week|day|session|section|topic|episode|step|appendix';
/**
 * A heading a reader would call a chapter: one of the words courses and books
 * number their divisions with, with its number before or after it (`Chapter 4: …`,
 * `Part II`, `Lesson three`, `Week 12`, `Appendix A`, `Second Part`), or a
 * heading that opens with a short number (`1. Foundations`, `2 Setup`,
 * `3.1 Scope`). A year (`2024 Review`) is not a number of that kind.
 */
const CHAPTER_TITLE = new RegExp(
  `^(?:(?:${DIVISIONS})\\s+(?:\\d{1,3}|[ivxlc]{1,6}|[a-z]|${NUMBER_WORDS})\\b|(?:${ORDINALS})\\s+(?:${DIVISIONS})\\b|\\d{1,3}(?:\\.\\d{1,3})*(?:[.:)]|\\s)\\s*\\S)`,
  'i',
);

export const isChapterTitle = (text: string): boolean => CHAPTER_TITLE.test(text.trim());

/**
 * Whether a note is a book of chapters. Its properties decide when they say
 * `book: true` or `book: false`. Otherwise it is one when at least two of its
 * top-level headings are chapters (`isChapterTitle`) and they are at least
 * half of them: a title heading and a template's footer heading are one page,
 * twelve `# Chapter N: …` headings are a book.
 */
export function isBook(tree: Root, frontmatter: Frontmatter): boolean {
  if (frontmatter.book === false) return false;
  const titles = tree.children.filter(isTopHeading).map((heading) => toString(heading));
  if (frontmatter.book === true) return titles.length > 0;
  const chapters = titles.filter(isChapterTitle).length;
  return chapters >= 2 && chapters * 2 >= titles.length;
}

/**
 * Splits a book into a landing page and chapters. The text before the first
 * chapter is the landing page; from there each top-level heading starts a
 * chapter, whatever its title (`# Conclusion` after `# Chapter 9`). When the
 * properties say `book: true`, every top-level heading is a chapter. Link and
 * footnote definitions may sit anywhere in the note, so every part gets all of them.
 */
export function splitNote(tree: Root, frontmatter: Frontmatter): NotePart[] {
  if (!isBook(tree, frontmatter)) return [{ kind: 'note', tree }];
  const isDefinition = (node: RootContent) => node.type === 'definition' || node.type === 'footnoteDefinition';
  const definitions = tree.children.filter(isDefinition);
  const content = tree.children.filter((node) => !isDefinition(node));
  const opensBook = (node: RootContent) => isTopHeading(node) && (frontmatter.book === true || isChapterTitle(toString(node)));
  const parts: NotePart[] = [{ kind: 'book', tree: { type: 'root', children: [] } }];
  for (const node of content) {
    if (isTopHeading(node) && (parts.length > 1 || opensBook(node))) parts.push({ kind: 'chapter', tree: { type: 'root', children: [] } });
    parts[parts.length - 1]!.tree.children.push(node);
  }
  for (const part of parts) part.tree.children.push(...definitions.map((d) => structuredClone(d)));
  return parts;
}
