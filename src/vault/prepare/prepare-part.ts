import type { Heading as MdastHeading, Nodes, Root } from 'mdast';
import { unified } from 'unified';
import { lineBreaks } from '../../markdown/pipeline.ts';
import { visitParents } from '../../markdown/visit.ts';
import { markBaseBlocks } from './bases.ts';
import { markBlocks } from './blocks.ts';
import type { NotePart } from './book.ts';
import { markEmbeds, type WikiEmbedNode } from './embeds.ts';
import { markMarkdownLinks, type MarkdownLinkNode } from './markdown-links.ts';
import { excerpt, textAround } from './excerpt.ts';
import { linkDisplayText, parseLinkTarget } from './link-target.ts';
import type { WikiLinkNode } from './markdown.ts';
import { markVaultUrlLines } from './relative-urls.ts';
import { headingsOf, renderToHast, serializeBody, type RawHtml, type WikiLinkData } from './render.ts';
import { linkInlineTags } from './tags.ts';
import type { LinkOccurrence, PartHeading, Passage, PreparedPart } from './types.ts';
import type { VaultPath } from '../types.ts';

/** What preparing a part needs of its note and of the note's other parts. */
export interface PartContext {
  path: VaultPath;
  source: string;
  /** Numbers links across the whole note, so each part's links continue the last part's. */
  nextLinkIndex: () => number;
  tagHref: (tag: string) => string;
  rawHtml: RawHtml;
  /** The vault's `strictLineBreaks`: when off, a single newline in a paragraph is a line break. */
  strictLineBreaks: boolean;
  /** Where the part's links are collected, in document order. */
  occurrences: LinkOccurrence[];
}

/** The alias written after `|`, read from the source because the parser gives a link without one its target as alias. */
function aliasOf(node: WikiLinkNode, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const inner = source.slice(start + 2, end - 2);
  const divider = inner.indexOf('|');
  return divider === -1 ? undefined : inner.slice(divider + 1);
}

/** An embed's `|` part is display text unless it is an image size. */
const imageSizeOrText = (alias: string | undefined) => (alias !== undefined && /^\d+(x\d+)?$/.test(alias.trim()) ? undefined : alias);

/** What a wiki-link reads on the page: its alias, else its target as Obsidian shows it. */
export function wikiLinkText(node: WikiLinkNode, source: string): string {
  return linkDisplayText(parseLinkTarget(node.value), aliasOf(node, source));
}

/** Obsidian's line breaks, applied once block ids, tags and passages have been read from the lines as written. */
const breakLines = unified().use(lineBreaks({ strictLineBreaks: false }));

const EXCERPT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

/**
 * One part (page) of a note prepared: its block ids and tags marked, its
 * links numbered and turned into placeholders, its passages and headings
 * listed, and its body rendered to HTML with the placeholders still in.
 */
export function preparePart(part: NotePart, partIndex: number, context: PartContext): PreparedPart {
  // Links first (Markdown images become embeds); embeds before blocks: a block id may follow one, and then marks the embed.
  markMarkdownLinks(part.tree, context.path);
  markEmbeds(part.tree);
  const blocks = markBlocks(part.tree);
  const tags = linkInlineTags(part.tree, context.source, context.tagHref);
  const bases = markBaseBlocks(part.tree, context.path);
  nameLinks(part.tree, context);
  const walked = walkPart(part.tree, partIndex, context);
  if (!context.strictLineBreaks) breakLines.runSync(part.tree);

  const hast = renderToHast(part.tree, context.rawHtml);
  markVaultUrlLines(hast);
  const rendered = headingsOf(hast);
  const headings: PartHeading[] = walked.headings.map((heading, i) => ({
    depth: heading.depth,
    text: headingSource(heading, context.source),
    displayText: rendered[i]?.text ?? '',
    id: rendered[i]?.id ?? '',
    line: heading.position?.start.line ?? 0,
  }));
  for (const { occurrence, stack: above } of walked.links) {
    context.occurrences.push({ ...occurrence, trail: above.map((h) => walked.headings.indexOf(h)) });
  }
  const trails = new Map<MdastHeading, number>(walked.headings.map((h, i) => [h, i]));
  const passages = walked.passages.map(({ passage, stack }) => ({ ...passage, trail: stack.map((h) => trails.get(h)!) }));
  const content = part.tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition' && node.type !== 'footnoteDefinition');
  const empty = content.length === 0 || (content.length === 1 && content[0]!.type === 'heading');
  return { kind: part.kind, empty, body: serializeBody(hast), headings, tags, blocks, passages, ...(bases.length ? { bases } : {}) };
}

/** Numbers every link and names it first, so an excerpt shows the other links of its passage as they read. */
function nameLinks(tree: Root, context: PartContext): void {
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'markdownLink') {
      const link = node as MarkdownLinkNode;
      const index = context.nextLinkIndex();
      // The link keeps what it was written with (emphasis, code, an image); `fillLinks` gives it its href.
      const properties = { dataQuireLink: String(index), ...(link.title ? { title: link.title } : {}) };
      link.data = { ...link.data, quireLink: index, quireText: textAround(link as unknown as Nodes, link as unknown as Nodes).text, hName: 'a', hProperties: properties };
    } else if (node.type === 'wikiLink') {
      const link = node as WikiLinkNode;
      const data = link.data as unknown as WikiLinkData;
      data.quireText = wikiLinkText(link, context.source);
      data.quireLink = context.nextLinkIndex();
    } else if (node.type === 'wikiEmbed') {
      const embed = node as WikiEmbedNode;
      const index = context.nextLinkIndex();
      const inline = ancestors[ancestors.length - 1]?.type === 'paragraph';
      // A placeholder the model fills with the embedded note, image, PDF or media once everything is resolved.
      const marked = (embed.data?.hProperties ?? {}) as Record<string, unknown>;
      embed.data = {
        quireLink: index,
        quireText: linkDisplayText(embed.target ?? parseLinkTarget(embed.value), imageSizeOrText(embed.alias)),
        hName: inline ? 'span' : 'div',
        // A block id it was given (blocks.ts) stays on the placeholder, and passes to what the embed shows.
        hProperties: { ...marked, dataQuireEmbed: String(index) },
        hChildren: [],
      };
    }
  });
}

interface WalkedPart {
  headings: MdastHeading[];
  /** Each passage with the headings above it. */
  passages: { passage: Omit<Passage, 'trail'>; stack: MdastHeading[] }[];
  links: { occurrence: Omit<LinkOccurrence, 'trail'>; stack: MdastHeading[] }[];
}

/** The part's headings, passages and links in document order, each with the headings above it. */
function walkPart(tree: Root, partIndex: number, context: PartContext): WalkedPart {
  const walked: WalkedPart = { headings: [], passages: [], links: [] };
  let stack: MdastHeading[] = [];
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      walked.headings.push(node);
      stack = [...stack.filter((h) => h.depth < node.depth), node];
    }
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
      const passage = { text: textAround(node as Nodes, node as Nodes).text.replace(/\s+/g, ' ').trim(), plain: plainText(node as Nodes), line: node.position?.start.line ?? 0 };
      walked.passages.push({ passage, stack: [...stack] });
    }
    if (node.type === 'heading') return;
    if (node.type !== 'wikiLink' && node.type !== 'wikiEmbed' && node.type !== 'markdownLink') return;
    const link = node as WikiLinkNode | WikiEmbedNode | MarkdownLinkNode;
    const { quireLink: index, quireText: text } = link.data as unknown as WikiLinkData;
    const embed =
      link.type === 'wikiEmbed'
        ? { ...(link.alias !== undefined ? { alias: link.alias } : {}), inline: ancestors[ancestors.length - 1]?.type === 'paragraph' }
        : undefined;
    const markdown = link.type === 'markdownLink' || (link.type === 'wikiEmbed' && link.markdown === true);
    const container = [...ancestors].reverse().find((a) => EXCERPT_BLOCKS.has(a.type)) ?? ancestors[ancestors.length - 1]!;
    const around = textAround(container as Nodes, link as unknown as Nodes);
    const inBlock = blockOf([...ancestors, link]);
    const occurrence = {
      index,
      from: context.path,
      part: partIndex,
      line: link.position?.start.line ?? 0,
      raw: link.type === 'markdownLink' ? link.url : link.value,
      target: link.type === 'markdownLink' ? link.target : (link.type === 'wikiEmbed' && link.target) || parseLinkTarget(link.value),
      text,
      excerpt: excerpt(around.text, around.at),
      ...(embed ? { embed } : {}),
      ...(markdown ? { form: 'markdown' as const } : {}),
      ...(inBlock ? { block: inBlock } : {}),
    };
    walked.links.push({ occurrence, stack: [...stack] });
  });
  return walked;
}

/** The block id (`^id`) of the innermost block a node stands in, as blocks.ts marked it: what `![[Note#^id]]` shows. */
function blockOf(path: readonly { data?: unknown }[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const id = (path[i]!.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
    if (typeof id === 'string' && id.startsWith('^')) return id.slice(1);
  }
  return undefined;
}

/** Text outside links and code: what a plain-text mention is looked for in. */
function plainText(node: Nodes): string {
  if (node.type === 'wikiLink' || node.type === 'wikiEmbed' || node.type === 'link' || node.type === 'markdownLink' || node.type === 'inlineCode' || node.type === 'code') return ' ';
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? ' ' : node.value;
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join('');
  return ' ';
}

/** A heading as the author wrote it (the text a link names), taken from the source so `[[links]]` in it stay as written. */
function headingSource(heading: MdastHeading, source: string): string {
  const first = heading.children[0]?.position?.start.offset;
  const last = heading.children[heading.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return '';
  return source.slice(first, last).trim();
}
