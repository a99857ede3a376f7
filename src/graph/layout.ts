import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Direction, Graph, GraphNode, LocalGraph } from './build-graph.ts';
import type { Slug } from '../vault/types.ts';

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

export interface GraphLayout {
  nodes: (PlacedNode & {
    /** Its label shows without hovering or focusing it: the best-connected pages, or every page of a small graph. */
    labelled: boolean;
  })[];
  edges: PlacedEdge[];
  viewBox: ViewBox;
  /** The labels' font size in the viewBox's units: 12, more for a large graph, so that labels can be read when it fills the page. */
  fontSize: number;
  /** Pages in the graph; more than `nodes.length` when the graph was capped. */
  total: number;
}

export interface LayoutOptions {
  /** Most pages drawn; the best connected are kept. 2,000 by default. */
  limit?: number;
  /** Most links drawn: fewer pages are kept if their links would pass it. 8,000 by default. */
  edgeLimit?: number;
  /** Simulation steps, always this many. 200 by default. */
  ticks?: number;
  /** How many of the best-connected pages keep their label shown. 40 by default. */
  labels?: number;
}

interface SimNode extends SimulationNodeDatum {
  slug: Slug;
  service: boolean;
  r: number;
}

/** FNV-1a: a stable 32-bit hash, so a page starts in the same place on every build. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A seeded linear congruential generator, for the simulation's tie-breaking jiggle. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const round = (n: number) => Math.round(n * 10) / 10;
/** Node sizes grow with the square root of the degree, up to the best-connected node drawn. */
function sizer(nodes: readonly GraphNode[]): (node: GraphNode) => number {
  const most = Math.max(1, ...nodes.map((node) => node.degree));
  return (node) => round(3 + 6 * Math.sqrt(node.degree / most) + (node.kind === 'book' ? 2 : 0));
}

/** A title cut to `max` characters at a word, with an ellipsis. */
export function shortTitle(title: string, max = 28): string {
  if (title.length <= max) return title;
  const cut = title.lastIndexOf(' ', max - 1);
  return `${title.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s:,;–—-]+$/, '')}…`;
}

/** The font size labels are planned for in a graph that names every page; the drawing comes out at about this scale. */
const LABEL_FONT = 12;
/** The smallest viewBox: a small graph is not blown up, so its labels stay about the size of the page's text. */
const MIN_VIEW = { width: 800, height: 320 } as const;

/**
 * A force that pushes apart nodes whose boxes (the circle and the label to
 * its right) overlap, along the axis where they overlap least. Quadratic,
 * so only for graphs small enough to name every page.
 */
function labelSpace(sim: readonly SimNode[], nodes: readonly GraphNode[], strength = 0.4) {
  const width = nodes.map((node, i) => sim[i]!.r + 4 + shortTitle(node.title).length * LABEL_FONT * 0.6);
  const height = sim.map((node) => Math.max(2 * node.r, LABEL_FONT * 1.4));
  return () => {
    for (let i = 0; i < sim.length; i++) {
      const a = sim[i]!;
      for (let j = i + 1; j < sim.length; j++) {
        const b = sim[j]!;
        const ax = a.x! + a.vx! - a.r;
        const bx = b.x! + b.vx! - b.r;
        const ay = a.y! + a.vy!;
        const by = b.y! + b.vy!;
        const overlapX = Math.min(ax + width[i]!, bx + width[j]!) - Math.max(ax, bx);
        const overlapY = (height[i]! + height[j]!) / 2 - Math.abs(ay - by);
        if (overlapX <= 0 || overlapY <= 0) continue;
        if (overlapY <= overlapX) {
          const push = (overlapY / 2) * strength * (ay < by || (ay === by && i < j) ? -1 : 1);
          a.vy! += push;
          b.vy! -= push;
        } else {
          const push = (overlapX / 2) * strength * (ax < bx ? -1 : 1);
          a.vx! += push;
          b.vx! -= push;
        }
      }
    }
  };
}

/**
 * The best-connected nodes, in the graph's order: as many as fit in `limit`
 * nodes and `edgeLimit` edges between them, so that the page stays light.
 */
function capped(graph: Graph, limit: number, edgeLimit: number): GraphNode[] {
  if (graph.nodes.length <= limit && graph.edges.length <= edgeLimit) return graph.nodes;
  const index = new Map(graph.nodes.map((node, i) => [node.slug, i]));
  const kept = new Set<Slug>();
  let edges = 0;
  for (const node of [...graph.nodes].sort((a, b) => b.degree - a.degree || index.get(a.slug)! - index.get(b.slug)!)) {
    let added = 0;
    for (const other of graph.neighbours.get(node.slug)?.keys() ?? []) if (kept.has(other)) added++;
    if (kept.size === limit || edges + added > edgeLimit) break;
    kept.add(node.slug);
    edges += added;
  }
  return graph.nodes.filter((node) => kept.has(node.slug));
}

/**
 * Places the whole graph with d3-force, the same way on every build: each
 * page starts at a spot hashed from its slug, the simulation's jiggle is
 * seeded, and it runs a fixed number of steps. Services are pulled to the
 * right and the other pages to the left, so they are drawn apart.
 * Meant to run once per build.
 */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): GraphLayout {
  const { limit = 2000, edgeLimit = 8000, ticks = 200, labels = 40 } = options;
  const shown = capped(graph, limit, edgeLimit);
  const radiusOf = sizer(shown);
  const keep = new Set(shown.map((node) => node.slug));
  const edges = graph.edges.filter((edge) => keep.has(edge.source) && keep.has(edge.target));

  // A graph small enough to name every page gets room for the names; a large one is drawn tighter.
  const roomy = shown.length <= labels;
  const distance = roomy ? 110 : 36;
  // The spread of a force layout grows with the square root of its size.
  const spread = (distance / 36) * (14 * Math.sqrt(shown.length) + 40);
  const apart = spread * 0.6;
  const sim: SimNode[] = shown.map((node) => {
    const h = hash(node.slug);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const from = Math.sqrt((h >>> 16) / 0x10000) * spread;
    const service = node.kind === 'service';
    return { slug: node.slug, service, r: radiusOf(node), x: Math.cos(angle) * from + (service ? apart : -apart), y: Math.sin(angle) * from };
  });
  const links: SimulationLinkDatum<SimNode>[] = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  const alphaMin = 0.001;
  const simulation = forceSimulation(sim)
    .stop()
    .randomSource(seeded(0x5eed))
    .alphaMin(alphaMin)
    .alphaDecay(1 - Math.pow(alphaMin, 1 / ticks))
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((node) => node.slug).distance(distance))
    .force('charge', forceManyBody<SimNode>().strength(roomy ? -300 : -60).theta(0.9).distanceMax(spread))
    .force('x', forceX<SimNode>((node) => (node.service ? apart : -apart)).strength((node) => (node.service ? 0.2 : 0.08)))
    .force('y', forceY<SimNode>(0).strength(0.08));
  // Named nodes keep their labels from overlapping.
  if (roomy) simulation.force('collide', forceCollide<SimNode>((node) => node.r + 6)).force('labels', labelSpace(sim, shown));
  simulation.tick(ticks);

  const byIndex = new Map(sim.map((node) => [node.slug, node]));
  const placed = shown.map((node) => {
    const at = byIndex.get(node.slug)!;
    const x = round(at.x!);
    const y = round(at.y!);
    const r = radiusOf(node);
    return { ...node, x, y, r, label: shortTitle(node.title), text: { x: round(x + r + 4), y, anchor: 'start' as const } };
  });
  const labelled = new Set(
    placed.length <= labels
      ? placed.map((node) => node.slug)
      : [...placed].sort((a, b) => b.degree - a.degree).slice(0, labels).map((node) => node.slug),
  );
  const nodes = placed.map((node) => ({ ...node, labelled: labelled.has(node.slug) }));
  const bounds = boundsOf(nodes);
  // Labels are planned at LABEL_FONT in a small graph; in a large one they grow with the drawing, to read when it fills the page.
  const fontSize = roomy ? LABEL_FONT : round(Math.max(LABEL_FONT, (Math.max(bounds.width, bounds.height) / MIN_VIEW.width) * LABEL_FONT));
  const viewBox = viewOf(nodes, fontSize);
  return { nodes, edges: placeEdges(edges, new Map(nodes.map((node) => [node.slug, node]))), viewBox, fontSize, total: graph.nodes.length };
}

function boundsOf(nodes: readonly { x: number; y: number; r: number }[]): ViewBox {
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

/** The drawing's bounds, labels shown included, with a margin; never smaller than MIN_VIEW. */
function viewOf(nodes: readonly (PlacedNode & { labelled: boolean })[], fontSize: number): ViewBox {
  const bounds = boundsOf(nodes.flatMap((node) => (node.labelled ? [node, ...labelBox(node, fontSize)] : [node])));
  const margin = fontSize;
  const box = { x: bounds.x - margin, y: bounds.y - margin, width: bounds.width + 2 * margin, height: bounds.height + 2 * margin };
  const width = Math.max(box.width, MIN_VIEW.width);
  const height = Math.max(box.height, MIN_VIEW.height);
  return { x: round(box.x - (width - box.width) / 2), y: round(box.y - (height - box.height) / 2), width: round(width), height: round(height) };
}

function placeEdges(edges: Graph['edges'], at: ReadonlyMap<Slug, { x: number; y: number }>): PlacedEdge[] {
  return edges.map((edge) => {
    const from = at.get(edge.source)!;
    const to = at.get(edge.target)!;
    return { ...edge, x1: from.x, y1: from.y, x2: to.x, y2: to.y };
  });
}

/** A neighbour of the page, on the side it is drawn. */
export interface LocalPlacedNode extends PlacedNode {
  direction: Direction;
  side: 'left' | 'right';
}

export interface LocalLayout {
  centre: PlacedNode;
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

/**
 * Places a page's neighbours without physics: the page in the middle, what
 * it links to in an arc on the right, what links to it in an arc on the
 * left, in the order `localGraph` gives. Cheap enough to run for every page.
 * The viewBox is cut to what is drawn, labels included, in units meant to be
 * shown at one pixel each.
 */
export function layoutLocalGraph(local: LocalGraph): LocalLayout {
  const right = local.neighbours.filter((n) => n.direction === 'out');
  const left = local.neighbours.filter((n) => n.direction === 'in');
  for (const n of local.neighbours) if (n.direction === 'both') (right.length <= left.length ? right : left).push(n);

  const radiusOf = sizer([local.centre, ...local.neighbours]);
  const rows = Math.max(right.length, left.length, 3);
  const half = ((rows - 1) * LOCAL.step) / 2;
  const column = (nodes: typeof right, side: 'left' | 'right'): LocalPlacedNode[] => {
    const sign = side === 'right' ? 1 : -1;
    const offset = ((rows - nodes.length) * LOCAL.step) / 2;
    return nodes.map((node, i) => {
      const y = round(-half + offset + i * LOCAL.step);
      const curve = half === 0 ? 1 : 1 - (y / half) ** 2;
      const x = round((LOCAL.inner + LOCAL.bulge * curve) * sign);
      const r = radiusOf(node);
      const text = { x: round(x + sign * (r + 5)), y, anchor: side === 'right' ? ('start' as const) : ('end' as const) };
      return { ...node, side, x, y, r, label: shortTitle(node.title, LOCAL.label), text };
    });
  };
  const neighbours = [...column(right, 'right'), ...column(left, 'left')];
  const r = radiusOf(local.centre) + 2;
  const centre: PlacedNode = { ...local.centre, x: 0, y: 0, r, label: shortTitle(local.centre.title, LOCAL.centreLabel), text: { x: 0, y: round(r + 12), anchor: 'middle' } };
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


/** Roughly where a node's label falls, as a zero-radius box for `boundsOf`. */
function labelBox(node: PlacedNode, fontSize: number): { x: number; y: number; r: number }[] {
  const width = node.label.length * fontSize * 0.6;
  const start = node.text.anchor === 'start' ? node.text.x : node.text.anchor === 'end' ? node.text.x - width : node.text.x - width / 2;
  return [
    { x: start, y: node.text.y - fontSize / 2, r: 0 },
    { x: start + width, y: node.text.y + fontSize / 2, r: 0 },
  ];
}
