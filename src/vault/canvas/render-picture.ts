/**
 * The picture of a canvas: its nodes as boxes at the canvas's own
 * coordinates on a stage that canvas.css scales to fit the column, the
 * edges beneath them as one inline SVG, group labels and edge labels.
 *
 * To assistive technology the picture is a named group with nothing in it
 * (the stage is aria-hidden): the reading list that follows holds the same
 * content, in order, with working links. So that a keyboard does not walk
 * through the links twice, those in the picture are taken out of the tab
 * order; the viewport itself takes focus, and the arrow keys scroll it.
 * Search indexes the list, not the picture, so a passage is found once.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { Point } from './geometry.ts';
import type { CanvasLayout, PlacedEdge, PlacedNode } from './layout.ts';
import type { CanvasGroupNode } from './types.ts';
import { backgroundStyle, colorStyle, fileName, num, px, type CanvasRenderOptions } from './render-parts.ts';

const FOCUSABLE = new Set(['a', 'area', 'button', 'input', 'select', 'textarea', 'iframe', 'summary', 'audio', 'video']);

/** Makes a copy of content fit for the picture: no ids (the list has them), nothing to tab to. */
function forPicture<T extends ElementContent>(node: T): T {
  if (node.type !== 'element') return node;
  const properties = node.properties;
  delete properties.id;
  if (FOCUSABLE.has(node.tagName) || properties.tabIndex !== undefined || properties.contentEditable !== undefined) properties.tabIndex = -1;
  for (const child of node.children) forPicture(child);
  return node;
}

const points = (list: readonly Point[]) => list.map((point) => `${num(point.x)},${num(point.y)}`).join(' ');

function edgeDrawing(placed: PlacedEdge): Element {
  const { start, c1, c2, end } = placed.curve;
  const d = `M${num(start.x)},${num(start.y)} C${num(c1.x)},${num(c1.y)} ${num(c2.x)},${num(c2.y)} ${num(end.x)},${num(end.y)}`;
  const heads = [placed.fromArrow, placed.toArrow].flatMap((arrow) => (arrow ? [s('polygon', { points: points(arrow) })] : []));
  const style = colorStyle(placed.edge.color);
  return s('g', { className: ['canvas-edge'], ...(style ? { style } : {}), dataFrom: placed.fromSide, dataTo: placed.toSide }, [s('path', { d }), ...heads]);
}

function boxStyle(placed: PlacedNode, layout: CanvasLayout): string {
  const { box } = placed;
  return `left:${px(box.x - layout.bounds.x)};top:${px(box.y - layout.bounds.y)};width:${px(box.width)};height:${px(box.height)};${colorStyle(placed.node.color)}`;
}

function groupBox(placed: PlacedNode, node: CanvasGroupNode, layout: CanvasLayout, options: CanvasRenderOptions): Element {
  const classes = ['canvas-group', ...(node.background && node.backgroundStyle ? [`canvas-background-${node.backgroundStyle}`] : [])];
  const background = node.background ? options.groupBackground?.(node) : undefined;
  const label = node.label ? [h('span', { className: ['canvas-group-label'] }, node.label)] : [];
  return h('div', { className: classes, style: boxStyle(placed, layout) + backgroundStyle(node, options) }, [...(background ? [background] : []), ...label]);
}

function nodeBox(placed: PlacedNode, layout: CanvasLayout, options: CanvasRenderOptions, content: ElementContent[]): Element {
  const node = placed.node;
  const name = node.type === 'file' ? [fileName(node, options)] : [];
  return h('div', { className: ['canvas-node', `canvas-node-${node.type}`], style: boxStyle(placed, layout) }, [
    ...name,
    h('div', { className: ['canvas-node-content'] }, content),
  ]);
}

function edgeLabel(placed: PlacedEdge, layout: CanvasLayout): Element[] {
  if (!placed.labelAt || !placed.edge.label) return [];
  const style = `left:${px(placed.labelAt.x - layout.bounds.x)};top:${px(placed.labelAt.y - layout.bounds.y)};${colorStyle(placed.edge.color)}`;
  return [h('span', { className: ['canvas-edge-label'], style }, placed.edge.label)];
}

/**
 * The viewport with its stage. `contents` holds each node's content by its
 * index, as the list has it; the picture draws copies. Groups are drawn
 * first, in the file's order, then the edges, the other nodes in the file's
 * order, and the edges' labels: a group is a frame behind what it holds.
 */
export function renderPicture(layout: CanvasLayout, options: CanvasRenderOptions, contents: readonly ElementContent[][], pictureId: string): Element {
  const { bounds } = layout;
  const groups = layout.nodes.flatMap((placed) => (placed.node.type === 'group' ? [groupBox(placed, placed.node, layout, options)] : []));
  const others = layout.nodes.flatMap((placed, index) =>
    placed.node.type === 'group' ? [] : [nodeBox(placed, layout, options, structuredClone(contents[index] ?? []))],
  );
  const edges = s(
    'svg',
    { className: ['canvas-edges'], viewBox: `${num(bounds.x)} ${num(bounds.y)} ${num(bounds.width)} ${num(bounds.height)}`, width: num(bounds.width), height: num(bounds.height), ariaHidden: 'true', focusable: 'false' },
    layout.edges.map(edgeDrawing),
  );
  // Labels go over the nodes: a label that a node covered would be lost, and one that covers a corner of a node is not.
  const stage = h('div', { className: ['canvas-stage'], ariaHidden: 'true' }, [...groups, edges, ...others, ...layout.edges.flatMap((placed) => edgeLabel(placed, layout))]);
  forPicture(stage);
  const cards = layout.nodes.filter((placed) => placed.node.type !== 'group').length;
  const label = `${options.title}: a canvas of ${cards} ${cards === 1 ? 'card' : 'cards'} and ${layout.edges.length} ${layout.edges.length === 1 ? 'connection' : 'connections'}, drawn; its cards follow as a list`;
  return h('div', { className: ['canvas-viewport'], id: pictureId, role: 'group', ariaLabel: label, tabIndex: 0, dataPagefindIgnore: '' }, h('div', { className: ['canvas-sizer'] }, stage));
}
