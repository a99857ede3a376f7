/**
 * What the picture and the reading list of a canvas share: how a node's
 * content is asked for, a colour as CSS, a link card, a file node's name,
 * and the numbers and addresses written into the markup.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { nodeName } from './names.ts';
import type { CanvasColor, CanvasFileNode, CanvasGroupNode, CanvasLinkNode, CanvasNode, CanvasTextNode } from './types.ts';

export interface CanvasRenderOptions {
  /** The canvas's name, as the page shows it (`Map`): it names the picture and the list for screen readers. */
  title: string;
  /** Starts the ids of the list's items; unique on the page, which may show a canvas more than once. */
  idPrefix: string;
  /**
   * The content of a text node (its Markdown rendered as a note's body is) or
   * of a file node (the note or its section, or the image), as the model
   * renders it. Called once per node.
   */
  content(node: CanvasTextNode | CanvasFileNode): ElementContent[];
  /** Where a file node's name links to: the note's page (at the heading), or the attachment. Without it the name is plain text. */
  fileHref?(node: CanvasFileNode): string | undefined;
  /**
   * A file node's name as the model writes it, in place of a link made from
   * `fileHref`: the model gives a link placeholder, filled once links resolve.
   */
  fileLink?(node: CanvasFileNode, name: string): ElementContent;
  /** The published address of a group's background image. Without it the group has no background. */
  backgroundHref?(node: CanvasGroupNode): string | undefined;
  /**
   * What stands for a group's background image inside its box, in place of
   * `backgroundHref`: the model gives an embed placeholder, which becomes the
   * group's background once the image is found (see the model's finish stage).
   */
  groupBackground?(node: CanvasGroupNode): ElementContent | undefined;
}

/** A number as written into CSS or SVG: at most two decimals. */
export const num = (value: number): string => String(Math.round(value * 100) / 100);
export const px = (value: number): string => `${num(value)}px`;

/** The colour as a CSS value: a preset is a theme variable of canvas.css, so it follows the light and dark themes. */
export function colorValue(color: CanvasColor): string {
  return color.startsWith('#') ? color : `var(--canvas-color-${color})`;
}

/** The style declaring a node's or edge's colour, for canvas.css to use; empty when it has none. */
export const colorStyle = (color: CanvasColor | undefined): string => (color ? `--canvas-color:${colorValue(color)};` : '');

/** An address a link card may lead to: web and mail addresses only, never `javascript:` or a file of the reader's machine. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link node as a card: the site's name large, the whole address under it. Not an iframe: nothing from elsewhere runs on the page. */
export function linkCard(node: CanvasLinkNode): ElementContent {
  const href = safeUrl(node.url);
  let host = node.url;
  try {
    host = new URL(node.url).host || node.url;
  } catch {
    // Not a URL: the card shows it as it was written.
  }
  const parts = [h('span', { className: ['canvas-link-host'] }, host.replace(/^www\./, '')), h('span', { className: ['canvas-link-url'] }, node.url)];
  if (!href) return h('span', { className: ['canvas-link-card'] }, parts);
  return h('a', { className: ['canvas-link-card', 'external'], href, target: '_blank', rel: ['noopener', 'noreferrer'] }, parts);
}

/** A file node's name, linked to what it shows where the model gives an address. */
export function fileName(node: CanvasFileNode, options: CanvasRenderOptions): ElementContent {
  const name = nodeName(node);
  if (options.fileLink) return h('span', { className: ['canvas-node-name'] }, options.fileLink(node, name));
  const href = options.fileHref?.(node);
  return h('span', { className: ['canvas-node-name'] }, href ? h('a', { href, className: ['internal'] }, name) : name);
}

/** A group's background image, as the style of the group's box. */
export function backgroundStyle(node: CanvasGroupNode, options: CanvasRenderOptions): string {
  const href = node.background ? options.backgroundHref?.(node) : undefined;
  if (!href) return '';
  // Quoted for CSS: the address cannot close the url() or the declaration.
  const quoted = href.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, '');
  return `--canvas-background:url("${quoted}");`;
}

/** The id prefix, made safe to use in ids and in `#` links. */
export const figureId = (options: CanvasRenderOptions): string => options.idPrefix.replace(/[^\w-]/g, '-');
export const itemId = (options: CanvasRenderOptions, index: number): string => `${figureId(options)}-${index}`;

/** The node's content: asked of the model for text and file nodes, a card for links, nothing for a group (its label is drawn apart). */
export function nodeContent(node: CanvasNode, options: CanvasRenderOptions): ElementContent[] {
  if (node.type === 'text' || node.type === 'file') return options.content(node);
  if (node.type === 'link') return [linkCard(node)];
  return [];
}
