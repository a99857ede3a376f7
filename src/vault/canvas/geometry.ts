/**
 * The geometry of a canvas: boxes, the midpoints of their sides, and edges
 * drawn as Obsidian draws them, a cubic curve leaving each node straight out
 * of its side, so that it meets the node at a right angle, arrow first.
 */
import type { CanvasSide } from './types.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cubic Bézier curve. */
export interface Curve {
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
}

/** The outward direction of each side. */
const OUTWARD: Record<CanvasSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };
const SIDES: readonly CanvasSide[] = ['top', 'right', 'bottom', 'left'];

/** The arrow head's size, Obsidian's: 10.4 long, 13 wide. */
export const ARROW = { length: 10.4, halfWidth: 6.5 };

/** How far the curve's control points stand out from its ends: half the distance between them, within these bounds; for a loop, `loop`. */
export const CONTROL = { min: 24, max: 150, loop: 90 };

const along = (point: Point, side: CanvasSide, distance: number): Point => ({
  x: point.x + OUTWARD[side].x * distance,
  y: point.y + OUTWARD[side].y * distance,
});

export function sidePoint(box: Box, side: CanvasSide): Point {
  switch (side) {
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
  }
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The sides an edge leaves and reaches its nodes by. A side the canvas gives
 * is kept; one it leaves out (Obsidian allows that since 1.7) is the one whose
 * midpoint is nearest the other end, so the edge takes the shortest way. An
 * edge from a node to itself with no sides loops from the right to the top.
 */
export function chooseSides(from: Box, to: Box, fromSide?: CanvasSide, toSide?: CanvasSide): [CanvasSide, CanvasSide] {
  if (fromSide && toSide) return [fromSide, toSide];
  if (from === to && !fromSide && !toSide) return ['right', 'top'];
  let best: [CanvasSide, CanvasSide] = [fromSide ?? 'right', toSide ?? 'left'];
  let shortest = Infinity;
  for (const a of fromSide ? [fromSide] : SIDES) {
    for (const b of toSide ? [toSide] : SIDES) {
      if (from === to && a === b) continue;
      const length = distance(sidePoint(from, a), sidePoint(to, b));
      // Strictly shorter only: ties keep the first pair in the order top, right, bottom, left.
      if (length < shortest - 1e-9) {
        shortest = length;
        best = [a, b];
      }
    }
  }
  return best;
}

/**
 * The curve from one side's midpoint to another's, leaving and arriving along
 * the sides' normals. A loop (an edge from a node to itself) reaches out the
 * furthest, so it shows as a loop and not a kink at the corner.
 */
export function edgeCurve(start: Point, fromSide: CanvasSide, end: Point, toSide: CanvasSide, loop = false): Curve {
  const reach = loop ? CONTROL.loop : Math.min(CONTROL.max, Math.max(CONTROL.min, distance(start, end) / 2));
  return { start, c1: along(start, fromSide, reach), c2: along(end, toSide, reach), end };
}

export function pointOnCurve(curve: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * curve.start.x + b * curve.c1.x + c * curve.c2.x + d * curve.end.x,
    y: a * curve.start.y + b * curve.c1.y + c * curve.c2.y + d * curve.end.y,
  };
}

/** The values of t in (0, 1) where one coordinate of the curve turns: roots of its derivative. */
function turningPoints(p0: number, p1: number, p2: number, p3: number): number[] {
  const a = -p0 + 3 * p1 - 3 * p2 + p3;
  const b = 2 * (p0 - 2 * p1 + p2);
  const c = p1 - p0;
  const roots: number[] = [];
  if (Math.abs(a) < 1e-12) {
    if (Math.abs(b) > 1e-12) roots.push(-c / b);
  } else {
    const discriminant = b * b - 4 * a * c;
    if (discriminant >= 0) {
      const root = Math.sqrt(discriminant);
      roots.push((-b + root) / (2 * a), (-b - root) / (2 * a));
    }
  }
  return roots.filter((t) => t > 0 && t < 1);
}

/** The smallest box holding the curve (not its control points, which stand further out). */
export function curveBounds(curve: Curve): Box {
  const ts = [0, 1, ...turningPoints(curve.start.x, curve.c1.x, curve.c2.x, curve.end.x), ...turningPoints(curve.start.y, curve.c1.y, curve.c2.y, curve.end.y)];
  return boxAround(ts.map((t) => pointOnCurve(curve, t)));
}

/** An arrow head whose tip touches `tip`, on `side` of a node, pointing into the node. */
export function arrowHead(tip: Point, side: CanvasSide): [Point, Point, Point] {
  const base = along(tip, side, ARROW.length);
  const across = { x: -OUTWARD[side].y * ARROW.halfWidth, y: OUTWARD[side].x * ARROW.halfWidth };
  return [tip, { x: base.x + across.x, y: base.y + across.y }, { x: base.x - across.x, y: base.y - across.y }];
}

/** Where a line ending in an arrow stops: at the head's base, so the line does not show through its tip. */
export function behindArrow(tip: Point, side: CanvasSide): Point {
  return along(tip, side, ARROW.length - 1);
}

export function boxAround(points: readonly Point[]): Box {
  return unionBox(points.map((point) => ({ ...point, width: 0, height: 0 })));
}

/** The smallest box holding all of these; an empty box at the origin for none. Loops rather than spreading, for canvases of any size. */
export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Whether `inner` lies wholly inside `outer`, edges included: how Obsidian decides what a group holds. */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
