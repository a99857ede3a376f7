import type { Root, RootContent } from 'mdast';
import type { Frontmatter } from './frontmatter.ts';

/** One page's share of a note: the whole note, or a book's landing text or one chapter. */
export interface NotePart {
  kind: 'note' | 'book' | 'chapter';
  tree: Root;
}

const isChapterStart = (node: RootContent) => node.type === 'heading' && node.depth === 1;

/** A note with more than one top-level H1 is a book of chapters, unless its properties say `book: false`. */
export function isBook(tree: Root, frontmatter: Frontmatter): boolean {
  if (frontmatter.book === false) return false;
  return tree.children.filter(isChapterStart).length > 1;
}

/**
 * Splits a book at its H1s: the text before the first H1 is the landing page,
 * each H1 and what follows it up to the next H1 a chapter. Link and footnote
 * definitions may sit anywhere in the note, so every part gets all of them.
 */
export function splitNote(tree: Root, frontmatter: Frontmatter): NotePart[] {
  if (!isBook(tree, frontmatter)) return [{ kind: 'note', tree }];
  const isDefinition = (node: RootContent) => node.type === 'definition' || node.type === 'footnoteDefinition';
  const definitions = tree.children.filter(isDefinition);
  const content = tree.children.filter((node) => !isDefinition(node));
  const parts: NotePart[] = [{ kind: 'book', tree: { type: 'root', children: [] } }];
  for (const node of content) {
    if (isChapterStart(node)) parts.push({ kind: 'chapter', tree: { type: 'root', children: [] } });
    parts[parts.length - 1]!.tree.children.push(node);
  }
  for (const part of parts) part.tree.children.push(...definitions.map((d) => structuredClone(d)));
  return parts;
}
