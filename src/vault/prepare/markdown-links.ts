import type { Definition, Image, ImageReference, Link, LinkReference, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from '../../markdown/visit.ts';
import type { VaultPath } from '../types.ts';
import type { WikiEmbedNode } from './embeds.ts';
import { markdownTarget, type LinkTarget } from './link-target.ts';
import { isVaultRelative } from './relative-urls.ts';

/**
 * `[text](Folder/Note.md#Heading)` as the model sees it: a link like a
 * wiki-link, numbered, resolved and counted, which keeps the text and
 * formatting it was written with.
 */
export interface MarkdownLinkNode {
  type: 'markdownLink';
  /** The URL as written. */
  url: string;
  title?: string | null;
  target: LinkTarget;
  children: PhrasingContent[];
  data?: Record<string, unknown>;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    markdownLink: MarkdownLinkNode;
  }
  interface RootContentMap {
    markdownLink: MarkdownLinkNode;
  }
}

/**
 * Turns Markdown links and images whose URL points into the vault into the
 * model's own links, as Obsidian counts them: a link becomes a
 * `markdownLink`, an image (or a note: `![](Note.md)`) an embed, so they
 * resolve like `[[…]]` and `![[…]]` (a file by its bare name anywhere in the
 * vault, a note by its path or name), count as links, and reach stubs. The
 * path is read from the note's folder first (`../Images/a.png`), then as a
 * wiki-link reads it. Reference-style links (`[text][ref]`) count too.
 */
export function markMarkdownLinks(tree: Root, from: VaultPath): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  visit(tree, (node: Link | Image | LinkReference | ImageReference, index: number | undefined, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'linkReference' && node.type !== 'imageReference') return undefined;
    const defined = node.type === 'linkReference' || node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    const url = node.type === 'link' || node.type === 'image' ? node.url : defined?.url;
    if (url === undefined || !isVaultRelative(url)) return undefined;
    const title = node.type === 'link' || node.type === 'image' ? node.title : defined?.title;
    const target = markdownTarget(url, from);
    const position = node.position ? { position: node.position } : {};
    const replacement =
      node.type === 'link' || node.type === 'linkReference'
        ? ({ type: 'markdownLink', url, ...(title ? { title } : {}), target, children: node.children, ...position } satisfies MarkdownLinkNode)
        : ({ type: 'wikiEmbed', value: url, alias: node.alt ?? '', target, markdown: true, ...position } satisfies WikiEmbedNode);
    parent.children.splice(index, 1, replacement as never);
    return undefined;
  });
}
