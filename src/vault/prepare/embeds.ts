import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from '../../markdown/visit.ts';
import { unwrapBlockEmbeds } from '../../markdown/block-embeds.ts';
import type { LinkTarget } from './link-target.ts';

/** `![[Target]]` as it stands in a note: a wiki-link with `!` in front. */
export interface WikiEmbedNode {
  type: 'wikiEmbed';
  /** What is between the brackets, before any `|`. */
  value: string;
  /** What follows `|`: a size for images (`300`, `300x200`), else display text; a Markdown image's alt text. */
  alias?: string;
  /** A Markdown image's target, read from its URL (markdown-links.ts); a wiki-embed's is read from `value`. */
  target?: LinkTarget;
  markdown?: boolean;
  data?: Record<string, unknown>;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiEmbed: WikiEmbedNode;
  }
  interface RootContentMap {
    wikiEmbed: WikiEmbedNode;
  }
}

const EMBED = /!\[\[([^\]\n]+?)\]\]/g;

/**
 * Finds `![[…]]` embeds. The Markdown parser reads `![` as the start of an
 * image and leaves the whole embed as text, so embeds are picked out of text
 * nodes (never from code). An embed alone in its paragraph stands in for the
 * paragraph, so a note or a PDF can be embedded as a block.
 */
export function markEmbeds(tree: Root): number {
  let count = 0;
  visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || !node.value.includes('![[')) return;
    const pieces: PhrasingContent[] = [];
    let cursor = 0;
    const start = node.position?.start;
    for (const match of node.value.matchAll(EMBED)) {
      const at = match.index!;
      if (at > cursor) pieces.push({ type: 'text', value: node.value.slice(cursor, at) });
      const inner = match[1]!.replace(/\\\|/g, '|');
      const divider = inner.indexOf('|');
      const embed: WikiEmbedNode = {
        type: 'wikiEmbed',
        value: divider === -1 ? inner.trim() : inner.slice(0, divider).trim(),
        ...(divider === -1 ? {} : { alias: inner.slice(divider + 1).trim() }),
      };
      // Lines before the match within this text node give the embed its own line for reports.
      if (start) {
        const line = start.line + (node.value.slice(0, at).match(/\n/g)?.length ?? 0);
        // Offsets too, as the unist tools expect of a position; approximate, since a text node's value is unescaped.
        const offset = (start.offset ?? 0) + at;
        embed.position = { start: { line, column: 1, offset }, end: { line, column: 1, offset: offset + match[0].length } };
      }
      pieces.push(embed);
      count++;
      cursor = at + match[0].length;
    }
    if (cursor === 0) return;
    if (cursor < node.value.length) pieces.push({ type: 'text', value: node.value.slice(cursor) });
    parent.children.splice(index, 1, ...(pieces as typeof parent.children));
    return [SKIP, index + pieces.length];
  });
  unwrapBlockEmbeds(tree, 'wikiEmbed');
  return count;
}

/** An image embed's size: `300` is a width that keeps the aspect ratio, `300x200` both. */
export function imageSize(alias: string | undefined): { width?: number; height?: number } {
  const match = /^(\d+)(?:x(\d+))?$/.exec(alias?.trim() ?? '');
  if (!match) return {};
  return match[2] ? { width: Number(match[1]), height: Number(match[2]) } : { width: Number(match[1]) };
}
