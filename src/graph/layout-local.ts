import type { Direction, GraphNode, LocalGraph } from './build-graph.ts';
import { boundsOf, labelBox, round, shortTitle, sizer, type PlacedEdge, type PlacedNode, type TextAnchor, type ViewBox } from './placing.ts';

/**
 * A node of a local graph as it is drawn: with the size of its circle in
 * place of its degree in the whole graph, which only sized it. So a page's
 * cache key (src/site/cache-keys.ts), which hashes what its local graph is
 * drawn from, stays as it was when a neighbour gains a link elsewhere that
 * leaves the drawing unchanged.
 */
export type SizedNode = Omit<GraphNode, 'degree'> & { r: number };

/** Everything a page's local graph is drawn from: placing it (`placeLocalGraph`) adds nothing that is not in here. */
export interface SizedLocalGraph {
  centre: SizedNode;
  neighbours: (SizedNode & { direction: Direction })[];
  /** Neighbours before the cap. */
  total: number;
}

/** A node of a local graph as placed. */
export type LocalNode = Omit<PlacedNode, 'degree'>;

/** A neighbour of the page, on the side it is drawn. */
export interface LocalPlacedNode extends LocalNode {
  direction: Direction;
  side: 'left' | 'right';
}

export interface LocalLayout {
  centre: LocalNode;
  /** Pages it links to on the right, pages linking to it on the left; pages that do both fill the shorter side. */
  neighbours: LocalPlacedNode[];
  /** One per neighbour, from the page to it. */
  edges: PlacedEdge[];
  /** Where to write what each side holds, over its column. */
  captions: { side: 'left' | 'right'; x: number; y: number; anchor: TextAnchor }[];
  viewBox: ViewBox;
  /** Neighbours before the cap. */
  total: number;
}

/** Rows `step` apart, columns `inner` to `inner + bulge` from the page, labels cut at `label` characters. */
const LOCAL = { step: 26, inner: 130, bulge: 40, label: 26, centreLabel: 34, margin: 8 } as const;
/** The font size local graphs are drawn at (graph.css sets it), and the width of their side captions at it. */
const LOCAL_FONT = 12;
const CAPTION_WIDTH = 170;

/** Each node sized, with the page a little larger than its neighbours; degrees are dropped once they have sized the circles. */
export function sizeLocalGraph(local: LocalGraph): SizedLocalGraph {
  const radiusOf = sizer([local.centre, ...local.neighbours]);
  const sized = <T extends GraphNode>(node: T, extra = 0) => {
    const { degree: _degree, ...drawn } = node;
    return { ...drawn, r: radiusOf(node) + extra };
  };
  return { centre: sized(local.centre, 2), neighbours: local.neighbours.map((node) => sized(node)), total: local.total };
}

/**
 * Places a page's sized neighbours without physics: the page in the middle,
 * what it links to in an arc on the right, what links to it in an arc on the
 * left, in the order `localGraph` gives. Cheap enough to run for every page.
 * The viewBox is cut to what is drawn, labels included, in units meant to be
 * shown at one pixel each.
 */
export function placeLocalGraph(local: SizedLocalGraph): LocalLayout {
  const right = local.neighbours.filter((n) => n.direction === 'out');
  const left = local.neighbours.filter((n) => n.direction === 'in');
  for (const n of local.neighbours) if (n.direction === 'both') (right.length <= left.length ? right : left).push(n);

  const rows = Math.max(right.length, left.length, 3);
  const half = ((rows - 1) * LOCAL.step) / 2;
  const column = (nodes: typeof right, side: 'left' | 'right'): LocalPlacedNode[] => {
    const sign = side === 'right' ? 1 : -1;
    const offset = ((rows - nodes.length) * LOCAL.step) / 2;
    return nodes.map((node, i) => {
      const y = round(-half + offset + i * LOCAL.step);
      const curve = half === 0 ? 1 : 1 - (y / half) ** 2;
      const x = round((LOCAL.inner + LOCAL.bulge * curve) * sign);
      const text = { x: round(x + sign * (node.r + 5)), y, anchor: side === 'right' ? ('start' as const) : ('end' as const) };
      return { ...node, side, x, y, label: shortTitle(node.title, LOCAL.label), text };
    });
  };
  const neighbours = [...column(right, 'right'), ...column(left, 'left')];
  const centre: LocalNode = { ...local.centre, x: 0, y: 0, label: shortTitle(local.centre.title, LOCAL.centreLabel), text: { x: 0, y: round(local.centre.r + 12), anchor: 'middle' } };
  const edges = neighbours.map((n) => ({ source: local.centre.slug, target: n.slug, mutual: n.direction === 'both', x1: 0, y1: 0, x2: n.x, y2: n.y }));
  const top = -half - 2 * LOCAL.step;
  const captions = (['left', 'right'] as const)
    .filter((side) => neighbours.some((n) => n.side === side))
    .map((side) => ({ side, x: side === 'right' ? LOCAL.inner : -LOCAL.inner, y: top + LOCAL.step, anchor: side === 'right' ? ('start' as const) : ('end' as const) }));

  const box = boundsOf([centre, ...neighbours].flatMap((node) => [node, ...labelBox(node, LOCAL_FONT)]));
  const bottom = Math.max(half, centre.text.y) + LOCAL.step;
  const minX = Math.min(box.x, ...captions.map((c) => (c.side === 'left' ? c.x - CAPTION_WIDTH : c.x))) - LOCAL.margin;
  const maxX = Math.max(box.x + box.width, ...captions.map((c) => (c.side === 'right' ? c.x + CAPTION_WIDTH : c.x))) + LOCAL.margin;
  return {
    centre,
    neighbours,
    edges,
    captions,
    viewBox: { x: round(minX), y: round(top), width: round(maxX - minX), height: round(bottom - top) },
    total: local.total,
  };
}
