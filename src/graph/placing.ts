import type { GraphNode } from './build-graph.ts';
import type { Slug } from '../vault/index.ts';

/** A node with its place, its size and the label to write beside it. */
export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
  /** The title, shortened to fit; the full title goes in the node's `<title>`. */
  label: string;
  /** Where the label is written, and which end of it is there. */
  text: { x: number; y: number; anchor: TextAnchor };
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface PlacedEdge {
  source: Slug;
  target: Slug;
  mutual: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const round = (n: number) => Math.round(n * 10) / 10;
/** Node sizes grow with the square root of the degree, up to the best-connected node drawn. */
export function sizer(nodes: readonly GraphNode[]): (node: GraphNode) => number {
  const most = Math.max(1, ...nodes.map((node) => node.degree));
  return (node) => round(3 + 6 * Math.sqrt(node.degree / most) + (node.kind === 'book' ? 2 : 0));
}

/** A title cut to `max` characters at a word, with an ellipsis. */
export function shortTitle(title: string, max = 28): string {
  if (title.length <= max) return title;
  const cut = title.lastIndexOf(' ', max - 1);
  return `${title.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s:,;–—-]+$/, '')}…`;
}

/** The box that holds every node given. */
export function boundsOf(nodes: readonly { x: number; y: number; r: number }[]): ViewBox {
  if (nodes.length === 0) return { x: -50, y: -50, width: 100, height: 100 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y, r } of nodes) {
    minX = Math.min(minX, x - r);
    minY = Math.min(minY, y - r);
    maxX = Math.max(maxX, x + r);
    maxY = Math.max(maxY, y + r);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}


/** Roughly where a node's label falls, as a zero-radius box for `boundsOf`. */
export function labelBox(node: Pick<PlacedNode, 'label' | 'text'>, fontSize: number): { x: number; y: number; r: number }[] {
  const width = node.label.length * fontSize * 0.6;
  const start = node.text.anchor === 'start' ? node.text.x : node.text.anchor === 'end' ? node.text.x - width : node.text.x - width / 2;
  return [
    { x: start, y: node.text.y - fontSize / 2, r: 0 },
    { x: start + width, y: node.text.y + fontSize / 2, r: 0 },
  ];
}
