import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Graph, GraphNode } from './build-graph.ts';
import { boundsOf, labelBox, round, shortTitle, sizer, type PlacedEdge, type PlacedNode, type ViewBox } from './placing.ts';
import type { Slug } from '../vault/index.ts';

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
  /**
   * Most pages drawn; the best connected are kept. 300 by default, and at
   * most 1,200 links: what the /graph/ page can carry within its budget
   * (about 50 KB gzipped with its stylesheet and scripts) in a vault of any size.
   */
  limit?: number;
  /** Most links drawn: fewer pages are kept if their links would pass it. */
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
  const { limit = 300, edgeLimit = 1200, ticks = 200, labels = 40 } = options;
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
