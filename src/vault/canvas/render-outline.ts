/**
 * The reading list of a canvas: its nodes in reading order (reading-order.ts),
 * a group followed by what it holds, each with its content and the nodes it
 * is connected to. It is what a narrow screen shows instead of the picture,
 * and what a screen reader reads; its links are the canvas's working links.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CanvasLayout } from './layout.ts';
import { nodeName } from './names.ts';
import type { ReadingItem } from './reading-order.ts';
import { colorStyle, fileName, itemId, type CanvasRenderOptions } from './render-parts.ts';
import type { CanvasEdge } from './types.ts';

/** How an edge reads from one of its nodes: the arrow drawn, and the words said. */
function direction(edge: CanvasEdge, from: boolean): { arrow: string; words: string } {
  if (edge.fromNode === edge.toNode) return { arrow: '↺', words: 'Connected to itself' };
  const here = from ? edge.fromEnd : edge.toEnd;
  const there = from ? edge.toEnd : edge.fromEnd;
  if (here === 'arrow' && there === 'arrow') return { arrow: '↔', words: 'Leads to and from' };
  if (there === 'arrow') return { arrow: '→', words: 'Leads to' };
  if (here === 'arrow') return { arrow: '←', words: 'Comes from' };
  return { arrow: '—', words: 'Connected to' };
}

function connections(layout: CanvasLayout, options: CanvasRenderOptions, id: string, indexOf: ReadonlyMap<string, number>): ElementContent[] {
  const items = layout.canvas.edges.flatMap((edge) => {
    if (edge.fromNode !== id && edge.toNode !== id) return [];
    const from = edge.fromNode === id;
    const other = from ? edge.toNode : edge.fromNode;
    const { arrow, words } = direction(edge, from);
    const index = indexOf.get(other)!;
    const otherNode = layout.canvas.nodes[index]!;
    return [
      h('li', { style: colorStyle(edge.color) || undefined }, [
        h('span', { className: ['canvas-connection-arrow'], ariaHidden: 'true' }, arrow),
        h('span', { className: ['visually-hidden'] }, `${words} `),
        edge.fromNode === edge.toNode ? '' : h('a', { href: `#${itemId(options, index)}` }, nodeName(otherNode)),
        edge.label ? h('span', { className: ['canvas-connection-label'] }, ` (${edge.label})`) : '',
      ]),
    ];
  });
  return items.length ? [h('ul', { className: ['canvas-connections'], ariaLabel: 'Connections' }, items)] : [];
}

export function renderOutline(layout: CanvasLayout, options: CanvasRenderOptions, contents: readonly ElementContent[][], outlineId: string): Element {
  const indexOf = new Map(layout.canvas.nodes.map((node, index) => [node.id, index]));
  const item = ({ node, children }: ReadingItem): Element => {
    const index = indexOf.get(node.id)!;
    const body: ElementContent[] =
      node.type === 'group'
        ? [h('p', { className: ['canvas-group-name'] }, nodeName(node))]
        : [...(node.type === 'file' ? [fileName(node, options)] : []), h('div', { className: ['canvas-item-content'] }, contents[index] ?? [])];
    const nested = children.length ? [h('ol', { className: ['canvas-outline-group'] }, children.map(item))] : [];
    const style = colorStyle(node.color);
    return h('li', { className: ['canvas-item', `canvas-item-${node.type}`], id: itemId(options, index), dataCanvasNode: String(index), ...(style ? { style } : {}) }, [
      ...body,
      ...connections(layout, options, node.id, indexOf),
      ...nested,
    ]);
  };
  return h('ol', { className: ['canvas-outline'], id: outlineId, ariaLabel: `${options.title}, card by card` }, layout.readingOrder.map(item));
}
