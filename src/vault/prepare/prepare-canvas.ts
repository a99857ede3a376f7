/**
 * A canvas (`.canvas`, JSON Canvas 1.0) prepared as a note is: one page,
 * whose body is the canvas drawn at build time (src/vault/canvas/). Its text
 * cards go through the note pipeline, so their wiki-links and embeds become
 * numbered links and placeholders like a note's; each file card is an embed
 * of its file, and the file's name a link to it, under one link number; a
 * group's background image is an embed too. The rest of the model resolves,
 * counts and fills them as it does a note's.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from '../../markdown/visit.ts';
import { fileLabel, layoutCanvas, nodeName, parseCanvas, renderCanvas, type CanvasFileNode, type CanvasGroupNode, type CanvasTextNode } from '../canvas/index.ts';
import { hrefFor } from '../href.ts';
import { noteName } from '../link-index.ts';
import { slugSegment } from '../slug.ts';
import type { SourceFile, VaultPath } from '../types.ts';
import { attachmentKind, isAttachment } from '../attachment-kinds.ts';
import { parseLinkTarget } from './link-target.ts';
import { parseMarkdown } from './markdown.ts';
import { preparePart, type PartContext } from './prepare-part.ts';
import { tagSlug } from './tags.ts';
import type { LinkOccurrence, Passage, PrepareContext, PreparedFile, PreparedPart } from './types.ts';

export const isCanvasPath = (path: string): boolean => /\.canvas$/i.test(path);

/** What the cards of a canvas gather while they are prepared, in the file's order. */
interface Gathered {
  occurrences: LinkOccurrence[];
  passages: Passage[];
  tags: string[];
  blocks: { id: string; line: number }[];
  /** Element ids the cards use so far: each card's are kept apart from the others'. */
  ids: Set<string>;
}

/**
 * Prepares a canvas file. A file that is not a canvas at all (not JSON, not
 * an object with lists of nodes and edges) is not published and says why;
 * a canvas with some nodes or edges wrong is published without them, its
 * problems reported with it.
 */
export function prepareCanvas(file: SourceFile, context: PrepareContext, published: boolean): PreparedFile {
  const { path } = file;
  const name = noteName(path);
  const base = { ok: true as const, path, name, format: 'canvas' as const, frontmatter: {}, published, whole: false };
  if (!published) return { ...base, links: [] };
  const parsed = parseCanvas(file.text, path);
  if (!parsed.canvas) return { ok: false, path, problem: parsed.problems[0]! };
  const canvas = parsed.canvas;
  const title = name.replace(/\.canvas$/i, '');
  let next = 0;
  const gathered: Gathered = { occurrences: [], passages: [], tags: [], blocks: [], ids: new Set() };
  const cards = new Map<string, ElementContent[]>();
  const numbers = new Map<string, number>();
  const tagHref = (tag: string) => hrefFor(context.base, tagSlug(tag));
  // One numbering for the whole canvas, in the file's order: each card's links follow the cards' before it.
  const partContext = (node: CanvasTextNode): PartContext => ({ path, source: node.text, nextLinkIndex: () => next++, tagHref, rawHtml: context.rawHtml, strictLineBreaks: context.strictLineBreaks, occurrences: gathered.occurrences });
  for (const node of canvas.nodes) {
    if (node.type === 'text') cards.set(node.id, prepareCard(node, partContext(node), gathered));
    else if (node.type === 'file') numbers.set(node.id, embedOf(node, path, title, next++, gathered.occurrences));
    else if (node.type === 'group' && node.background && isAttachment(node.background) && attachmentKind(node.background) === 'image') {
      numbers.set(node.id, backgroundOf(node, path, title, next++, gathered.occurrences));
    }
  }
  const figure = renderCanvas(layoutCanvas(canvas), {
    title,
    idPrefix: `canvas-${slugSegment(title)}`,
    content: (node) => (node.type === 'text' ? (cards.get(node.id) ?? []) : [h('div', { dataQuireEmbed: String(numbers.get(node.id)) })]),
    fileLink: (node, label) => h('a', { dataQuireLink: String(numbers.get(node.id)) }, label),
    groupBackground: (node) => (numbers.has(node.id) ? h('div', { dataQuireEmbed: String(numbers.get(node.id)) }) : undefined),
  });
  const part: PreparedPart = {
    kind: 'note',
    empty: false,
    body: [{ html: toHtml(figure) }],
    // A canvas has no outline of headings: its cards stand side by side, and a link cannot name a heading of one.
    headings: [],
    tags: [...new Set(gathered.tags)],
    blocks: gathered.blocks,
    passages: gathered.passages,
  };
  const note = { path, name, format: 'canvas' as const, ...(file.modified ? { updated: file.modified.toISOString() } : {}), cssClasses: [], title, frontmatter: {}, aliases: [], tags: [], properties: [], propertyLines: {}, parts: [part] };
  return { ...base, note, links: gathered.occurrences, ...(parsed.problems.length ? { problems: parsed.problems } : {}) };
}

/**
 * A text card prepared as a note's part is, its links numbered on from the
 * cards before it. Everything it reports stands on the card's line in the
 * canvas file; its headings are no outline, so nothing is placed under them.
 */
function prepareCard(node: CanvasTextNode, context: PartContext, gathered: Gathered): ElementContent[] {
  const from = gathered.occurrences.length;
  const part = preparePart({ kind: 'note', tree: parseMarkdown(node.text) }, 0, context);
  for (let i = from; i < gathered.occurrences.length; i++) gathered.occurrences[i] = { ...gathered.occurrences[i]!, line: node.line, trail: [] };
  gathered.passages.push(...part.passages.map((passage) => ({ ...passage, line: node.line, trail: [] })));
  gathered.tags.push(...part.tags);
  gathered.blocks.push(...part.blocks.map((block) => ({ ...block, line: node.line })));
  const content = fromHtml(part.body.map((chunk) => chunk.html).join(''), { fragment: true }).children as ElementContent[];
  keepIdsApart(content, gathered.ids);
  for (const child of content) {
    visit(child, 'element', (element: Element) => {
      if (element.properties.dataQuireLine !== undefined) element.properties.dataQuireLine = String(node.line);
    });
  }
  return content;
}

/**
 * Each card renders with ids of its own (headings, footnotes); on one page
 * two cards' ids must not meet. A card's id that an earlier card took gets a
 * number, and the card's own `#` links follow it.
 */
function keepIdsApart(content: ElementContent[], taken: Set<string>): void {
  const renamed = new Map<string, string>();
  const elements: Element[] = [];
  for (const child of content) visit(child, 'element', (element: Element) => void elements.push(element));
  for (const element of elements) {
    const id = element.properties.id;
    if (typeof id !== 'string') continue;
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
    taken.add(unique);
    if (unique !== id) {
      renamed.set(id, unique);
      element.properties.id = unique;
    }
  }
  if (renamed.size === 0) return;
  for (const element of elements) {
    const href = element.properties.href;
    if (typeof href === 'string' && href.startsWith('#') && renamed.has(decodeURIComponent(href.slice(1)))) element.properties.href = `#${renamed.get(decodeURIComponent(href.slice(1)))}`;
  }
}

/** A file card as a link: an embed of its file (a note, a section of one, an image), which its name links to. */
function embedOf(node: CanvasFileNode, from: VaultPath, title: string, index: number, occurrences: LinkOccurrence[]): number {
  const raw = `${node.file}${node.subpath ?? ''}`;
  occurrences.push({
    index,
    from,
    part: 0,
    line: node.line,
    raw,
    target: parseLinkTarget(raw),
    text: fileLabel(node.file, node.subpath),
    trail: [],
    excerpt: `${nodeName(node)}, a card on the canvas ${title}`,
    embed: { inline: false },
  });
  return index;
}

/** A group's background image, embedded so the model finds and publishes it. */
function backgroundOf(node: CanvasGroupNode, from: VaultPath, title: string, index: number, occurrences: LinkOccurrence[]): number {
  const file = node.background!;
  occurrences.push({
    index,
    from,
    part: 0,
    line: node.line,
    raw: file,
    target: parseLinkTarget(file),
    text: file.slice(file.lastIndexOf('/') + 1),
    trail: [],
    excerpt: `The background of ${nodeName(node)}, on the canvas ${title}`,
    embed: { inline: false },
  });
  return index;
}
