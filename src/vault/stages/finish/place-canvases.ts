import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from '../../../markdown/visit.ts';

const FOCUSABLE = new Set(['a', 'area', 'button', 'input', 'select', 'textarea', 'iframe', 'summary', 'audio', 'video']);
const classesOf = (node: Element): unknown[] => (Array.isArray(node.properties.className) ? node.properties.className : []);

/**
 * The canvases of a page, once its embeds are expanded (a file card's note
 * or image, a canvas embedded in a note): each canvas's picture holds no id
 * and nothing to tab to, as the list beside it has both; a group's
 * background image becomes the group's background; and a canvas shown more
 * than once on a page, or embedded (an embed's copy keeps no ids), gets ids
 * of its own for its list and the links to it.
 */
export function placeCanvases(tree: Root | Element): void {
  visit(tree, 'element', (node: Element) => {
    if (!classesOf(node).includes('canvas-stage')) return undefined;
    visit(node, 'element', (inner: Element) => {
      if (classesOf(inner).includes('canvas-group')) backgroundAsStyle(inner);
      if (inner.tagName === 'figure' && typeof inner.properties.dataCanvas === 'string') pointNowhere(inner, inner.properties.dataCanvas);
      quiet(inner);
    });
    return SKIP;
  });
  const prefixes = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (classesOf(node).includes('canvas-stage')) return SKIP;
    if (node.tagName !== 'figure' || typeof node.properties.dataCanvas !== 'string') return undefined;
    const before = node.properties.dataCanvas;
    let prefix = before;
    for (let n = 2; prefixes.has(prefix); n++) prefix = `${before}-${n}`;
    prefixes.add(prefix);
    giveIds(node, before, prefix);
    return undefined;
  });
}

/** A canvas drawn inside another's picture has no ids: its links to its own list lead nowhere, so they are no links. */
function pointNowhere(figure: Element, prefix: string): void {
  visit(figure, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith(`#${prefix}-`)) delete node.properties.href;
  });
}

/** The ids of a canvas's figure, its picture, its list and the list's items, from `prefix`; links to them follow. */
function giveIds(figure: Element, before: string, prefix: string): void {
  figure.properties.id = prefix;
  figure.properties.dataCanvas = prefix;
  visit(figure, 'element', (node: Element) => {
    if (node !== figure && node.tagName === 'figure' && node.properties.dataCanvas !== undefined) return SKIP;
    const classes = classesOf(node);
    if (classes.includes('canvas-viewport')) node.properties.id = `${prefix}-picture`;
    else if (classes.includes('canvas-outline')) node.properties.id = `${prefix}-list`;
    else if (classes.includes('canvas-item') && node.properties.dataCanvasNode !== undefined) node.properties.id = `${prefix}-${String(node.properties.dataCanvasNode)}`;
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith(`#${before}-`)) node.properties.href = `#${prefix}-${href.slice(before.length + 2)}`;
    return undefined;
  });
}

/** What the picture shows is seen, not read: the list holds the same with its ids and links. */
function quiet(node: Element): void {
  delete node.properties.id;
  if (FOCUSABLE.has(node.tagName) || node.properties.tabIndex !== undefined) node.properties.tabIndex = -1;
}

/** A group's embedded background image, as the style canvas.css draws it with; an image that was not found is dropped. */
function backgroundAsStyle(group: Element): void {
  const isLabel = (child: ElementContent) => child.type === 'element' && classesOf(child).includes('canvas-group-label');
  if (group.children.every(isLabel)) return;
  const image = group.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img');
  group.children = group.children.filter(isLabel);
  const src = image?.properties.src;
  if (typeof src !== 'string') return;
  // Quoted for CSS: the address cannot close the url() or the declaration.
  const quoted = src.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, '');
  group.properties.style = `${String(group.properties.style ?? '')}--canvas-background:url("${quoted}");`;
}
