/**
 * Where everything of a canvas goes, at the canvas's own coordinates: each
 * node's box in drawing order, which group holds it, each edge's curve with
 * its arrow heads and the place of its label, the box around all of it, and
 * the order to read the nodes in when the picture cannot be seen.
 */
import {
  arrowHead,
  behindArrow,
  boxAround,
  chooseSides,
  contains,
  curveBounds,
  edgeCurve,
  pointOnCurve,
  sidePoint,
  unionBox,
  type Box,
  type Curve,
  type Point,
} from './geometry.ts';
import { readingOrder, type ReadingItem } from './reading-order.ts';
import type { Canvas, CanvasEdge, CanvasNode, CanvasSide } from './types.ts';

export interface PlacedNode {
  node: CanvasNode;
  box: Box;
  /** The id of the innermost group that wholly holds the node, if one does. */
  group?: string;
}

export interface PlacedEdge {
  edge: CanvasEdge;
  fromSide: CanvasSide;
  toSide: CanvasSide;
  /** Where the edge meets its nodes: the midpoints of those sides, where an arrow's tip touches. */
  from: Point;
  to: Point;
  /** The line to draw, from `from` to `to`, stopping at the base of an arrow head where there is one. */
  curve: Curve;
  fromArrow?: [Point, Point, Point];
  toArrow?: [Point, Point, Point];
  /** The centre of the label, halfway along the curve; only for an edge with a label. */
  labelAt?: Point;
}

export interface CanvasLayout {
  canvas: Canvas;
  /** Everything drawn, labels included, with a margin: the picture's own coordinates. */
  bounds: Box;
  /** In the file's order, the order they are drawn in. */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** The nodes in the order to read them; see reading-order.ts. */
  readingOrder: ReadingItem[];
}

/** Margin around the drawing, in canvas pixels. */
const MARGIN = 24;
/** Room above a file node or a labelled group for its name, which sits over the box as in Obsidian. */
export const NAME_HEIGHT = 28;

/** A generous guess at the box an edge label takes (the renderer wraps labels at 240 px). */
function labelBox(text: string, at: Point): Box {
  const width = Math.min(240, text.length * 7.5 + 16);
  const lines = Math.ceil((text.length * 7.5) / 224) || 1;
  const height = lines * 22 + 8;
  return { x: at.x - width / 2, y: at.y - height / 2, width, height };
}

/** The innermost group holding each node: the smallest that wholly contains it; of two the same size, the one drawn later. */
function groupsOf(nodes: readonly CanvasNode[], boxes: readonly Box[]): (string | undefined)[] {
  const groups = nodes.flatMap((node, index) => (node.type === 'group' ? [{ index, area: boxes[index]!.width * boxes[index]!.height }] : []));
  return nodes.map((node, index) => {
    const area = boxes[index]!.width * boxes[index]!.height;
    let best: { index: number; area: number } | undefined;
    for (const group of groups) {
      if (group.index === index || !contains(boxes[group.index]!, boxes[index]!)) continue;
      // A group holds another only if it is larger, or as large and drawn before it: never each other.
      if (node.type === 'group' && (group.area < area || (group.area === area && group.index > index))) continue;
      if (!best || group.area < best.area || (group.area === best.area && group.index > best.index)) best = group;
    }
    return best ? nodes[best.index]!.id : undefined;
  });
}

function placeEdge(edge: CanvasEdge, from: Box, to: Box): PlacedEdge {
  const [fromSide, toSide] = chooseSides(from, to, edge.fromSide, edge.toSide);
  const start = sidePoint(from, fromSide);
  const end = sidePoint(to, toSide);
  const full = edgeCurve(start, fromSide, end, toSide, edge.fromNode === edge.toNode);
  const fromArrow = edge.fromEnd === 'arrow' ? arrowHead(start, fromSide) : undefined;
  const toArrow = edge.toEnd === 'arrow' ? arrowHead(end, toSide) : undefined;
  const curve = {
    ...full,
    start: fromArrow ? behindArrow(start, fromSide) : start,
    end: toArrow ? behindArrow(end, toSide) : end,
  };
  return {
    edge,
    fromSide,
    toSide,
    from: start,
    to: end,
    curve,
    ...(fromArrow ? { fromArrow } : {}),
    ...(toArrow ? { toArrow } : {}),
    ...(edge.label ? { labelAt: pointOnCurve(full, 0.5) } : {}),
  };
}

/** Lays a validated canvas out. Pure: the same canvas always gives the same layout. */
export function layoutCanvas(canvas: Canvas): CanvasLayout {
  const boxes = canvas.nodes.map(({ x, y, width, height }) => ({ x, y, width, height }));
  const groups = groupsOf(canvas.nodes, boxes);
  const nodes = canvas.nodes.map((node, index) => ({ node, box: boxes[index]!, ...(groups[index] ? { group: groups[index] } : {}) }));
  const byId = new Map(nodes.map((placed) => [placed.node.id, placed.box]));
  const edges = canvas.edges.map((edge) => placeEdge(edge, byId.get(edge.fromNode)!, byId.get(edge.toNode)!));

  const drawn: Box[] = [...boxes];
  for (const { node, box } of nodes) {
    if (node.type === 'file' || (node.type === 'group' && node.label)) drawn.push({ ...box, y: box.y - NAME_HEIGHT, height: NAME_HEIGHT });
  }
  for (const placed of edges) {
    drawn.push(curveBounds(placed.curve));
    for (const arrow of [placed.fromArrow, placed.toArrow]) if (arrow) drawn.push(boxAround(arrow));
    if (placed.labelAt && placed.edge.label) drawn.push(labelBox(placed.edge.label, placed.labelAt));
  }
  const around = unionBox(drawn);
  const bounds = { x: around.x - MARGIN, y: around.y - MARGIN, width: around.width + 2 * MARGIN, height: around.height + 2 * MARGIN };
  return { canvas, bounds, nodes, edges, readingOrder: readingOrder(nodes) };
}
