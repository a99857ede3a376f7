import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARROW, pointOnCurve, type Point } from '../../../src/vault/canvas/geometry.ts';
import { layoutCanvas, type CanvasLayout } from '../../../src/vault/canvas/layout.ts';
import { parseCanvas } from '../../../src/vault/canvas/parse.ts';
import type { ReadingItem } from '../../../src/vault/canvas/reading-order.ts';
import type { Canvas, CanvasEdge, CanvasNode, CanvasSide } from '../../../src/vault/canvas/types.ts';
import { asVaultPath } from '../../../src/vault/types.ts';

const vault = path.join(import.meta.dirname, '..', '..', 'fixtures', 'canvas-vault');
const FILE = asVaultPath('Test.canvas');

const card = (id: string, x: number, y: number, width = 200, height = 100): CanvasNode => ({ id, type: 'text', x, y, width, height, text: id, line: 1 });
const group = (id: string, x: number, y: number, width: number, height: number): CanvasNode => ({ id, type: 'group', x, y, width, height, label: id, line: 1 });
const link = (fromNode: string, toNode: string, extra: Partial<CanvasEdge> = {}): CanvasEdge => ({ id: `${fromNode}-${toNode}`, fromNode, toNode, fromEnd: 'none', toEnd: 'arrow', line: 1, ...extra });
const layout = (nodes: CanvasNode[], edges: CanvasEdge[] = []): CanvasLayout => layoutCanvas({ file: FILE, nodes, edges });

const fixture = (): CanvasLayout => {
  const { canvas } = parseCanvas(readFileSync(path.join(vault, 'Map.canvas'), 'utf8'), asVaultPath('Map.canvas'));
  return layoutCanvas(canvas as Canvas);
};
const close = (a: Point, b: Point) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};
/** The direction a curve leaves its start in, as a unit vector. */
const leaving = (from: Point, toward: Point) => {
  const length = Math.hypot(toward.x - from.x, toward.y - from.y);
  return { x: (toward.x - from.x) / length, y: (toward.y - from.y) / length };
};
const OUT: Record<CanvasSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

describe('edges', () => {
  // a at (0,0) 200×100; b at (400,300) 200×100.
  const a = card('a', 0, 0);
  const b = card('b', 400, 300);
  const MIDPOINTS: Record<CanvasSide, [Point, Point]> = {
    top: [{ x: 100, y: 0 }, { x: 500, y: 300 }],
    right: [{ x: 200, y: 50 }, { x: 600, y: 350 }],
    bottom: [{ x: 100, y: 100 }, { x: 500, y: 400 }],
    left: [{ x: 0, y: 50 }, { x: 400, y: 350 }],
  };

  for (const fromSide of ['top', 'right', 'bottom', 'left'] as const) {
    for (const toSide of ['top', 'right', 'bottom', 'left'] as const) {
      it(`run from the middle of the ${fromSide} side to the middle of the ${toSide} side, straight out of each`, () => {
        const [placed] = layout([a, b], [link('a', 'b', { fromSide, toSide, fromEnd: 'none', toEnd: 'none' })]).edges;
        expect(placed!.fromSide).toBe(fromSide);
        expect(placed!.toSide).toBe(toSide);
        close(placed!.from, MIDPOINTS[fromSide][0]);
        close(placed!.to, MIDPOINTS[toSide][1]);
        // Without arrows the line runs the whole way, leaving and reaching each node at right angles to its side.
        close(placed!.curve.start, placed!.from);
        close(placed!.curve.end, placed!.to);
        close(leaving(placed!.curve.start, placed!.curve.c1), OUT[fromSide]);
        close(leaving(placed!.curve.end, placed!.curve.c2), OUT[toSide]);
      });
    }
  }

  it('end in an arrow at the end only, by default, pointing into the node, the line stopping at its base', () => {
    const [placed] = layout([a, b], [link('a', 'b', { fromSide: 'right', toSide: 'left' })]).edges;
    expect(placed!.fromArrow).toBeUndefined();
    const [tip, wing1, wing2] = placed!.toArrow!;
    close(tip, { x: 400, y: 350 });
    // The head lies outside the node (to the left of its left side), as long and wide as Obsidian's.
    close(wing1, { x: 400 - ARROW.length, y: 350 - ARROW.halfWidth });
    close(wing2, { x: 400 - ARROW.length, y: 350 + ARROW.halfWidth });
    expect(placed!.curve.end.x).toBeLessThan(400);
    expect(placed!.curve.end.x).toBeGreaterThan(400 - ARROW.length);
    close(placed!.curve.start, placed!.from);
  });

  it('have arrows at both ends, at the start only, or none, as the ends say', () => {
    const edges = layout(
      [a, b],
      [
        link('a', 'b', { id: 'both', fromSide: 'bottom', toSide: 'top', fromEnd: 'arrow', toEnd: 'arrow' }),
        link('a', 'b', { id: 'start', fromSide: 'bottom', toSide: 'top', fromEnd: 'arrow', toEnd: 'none' }),
        link('a', 'b', { id: 'none', fromSide: 'bottom', toSide: 'top', fromEnd: 'none', toEnd: 'none' }),
      ],
    ).edges;
    expect(edges.map((placed) => [Boolean(placed.fromArrow), Boolean(placed.toArrow)])).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
    // An arrow at the start points into the start node: up into a's bottom side.
    const [tip, wing] = edges[1]!.fromArrow!;
    close(tip, { x: 100, y: 100 });
    expect(wing.y).toBeCloseTo(100 + ARROW.length, 6);
    expect(edges[1]!.curve.start.y).toBeGreaterThan(100);
  });

  it('without sides, take the sides that face each other', () => {
    const right = card('right', 600, 0);
    const below = card('below', 0, 400);
    const [across, down] = layout([a, right, below], [link('a', 'right'), link('a', 'below')]).edges;
    expect([across!.fromSide, across!.toSide]).toEqual(['right', 'left']);
    expect([down!.fromSide, down!.toSide]).toEqual(['bottom', 'top']);
    // With one side given, the other is the one nearest it.
    const [given] = layout([a, right], [link('a', 'right', { fromSide: 'top' })]).edges;
    expect([given!.fromSide, given!.toSide]).toEqual(['top', 'left']);
  });

  it('from a node to itself, loop out of one side and into another', () => {
    const [loop] = layout([a], [link('a', 'a')]).edges;
    expect([loop!.fromSide, loop!.toSide]).toEqual(['right', 'top']);
    expect(loop!.curve.c1.x).toBeGreaterThan(200);
    expect(loop!.curve.c2.y).toBeLessThan(0);
  });

  it('carry their label halfway along the curve', () => {
    const [placed, unlabelled] = layout([a, b], [link('a', 'b', { label: 'next', fromSide: 'right', toSide: 'left' }), link('b', 'a')]).edges;
    close(placed!.labelAt!, pointOnCurve({ ...placed!.curve, start: placed!.from, end: placed!.to }, 0.5));
    // Between the two nodes.
    expect(placed!.labelAt!.x).toBeGreaterThan(200);
    expect(placed!.labelAt!.x).toBeLessThan(400);
    expect(unlabelled!.labelAt).toBeUndefined();
  });
});

describe('groups', () => {
  it('hold the nodes that lie wholly inside them; the innermost group is a node\'s group', () => {
    const result = layout([
      group('outer', 0, 0, 1000, 1000),
      group('inner', 100, 100, 500, 500),
      card('in-inner', 150, 150),
      card('in-outer', 700, 100),
      card('across', 900, 900),
      card('outside', 1200, 0),
      card('on-edge', 0, 0, 1000, 1000),
    ]);
    expect(Object.fromEntries(result.nodes.map((placed) => [placed.node.id, placed.group]))).toEqual({
      outer: undefined,
      inner: 'outer',
      'in-inner': 'inner',
      'in-outer': 'outer',
      across: undefined,
      outside: undefined,
      // A card exactly the group's size is inside it (edges included), as in Obsidian.
      'on-edge': 'outer',
    });
  });

  it('of the same size do not hold each other: the one drawn first holds the other', () => {
    const result = layout([group('first', 0, 0, 300, 300), group('second', 0, 0, 300, 300), card('c', 10, 10)]);
    expect(result.nodes.map((placed) => placed.group)).toEqual([undefined, 'first', 'second']);
  });

  it('in the fixture: sources, thinking, and open questions inside thinking', () => {
    const groups = Object.fromEntries(fixture().nodes.map((placed) => [placed.node.id, placed.group ?? null]));
    expect(groups).toMatchObject({
      'f-ideas': 'g-sources',
      'f-plan-next': 'g-sources',
      'f-diagram': 'g-sources',
      't-callout': 'g-thinking',
      'g-questions': 'g-thinking',
      't-question': 'g-questions',
      't-answer': 'g-questions',
      't-title': null,
      'l-spec': null,
    });
  });
});

describe('the box around the canvas', () => {
  it('holds every node, curve, arrow and label, with a margin', () => {
    const result = layout([card('a', 0, 0), card('b', 0, 300)], [link('a', 'b', { fromSide: 'left', toSide: 'left', label: 'a rather long label for this edge' })]);
    const { bounds } = result;
    const inside = (point: Point) => point.x > bounds.x && point.y > bounds.y && point.x < bounds.x + bounds.width && point.y < bounds.y + bounds.height;
    // The edge bulges out to the left of both nodes.
    const curve = result.edges[0]!.curve;
    for (let t = 0; t <= 1; t += 0.05) expect(inside(pointOnCurve(curve, t))).toBe(true);
    expect(bounds.x).toBeLessThan(Math.min(...Array.from({ length: 21 }, (_, i) => pointOnCurve(curve, i / 20).x)));
    expect(bounds.x + bounds.width).toBeGreaterThan(200);
    expect(bounds.y + bounds.height).toBeGreaterThan(400);
  });

  it('leaves room above file nodes and labelled groups for their names', () => {
    const file: CanvasNode = { id: 'f', type: 'file', x: 0, y: 0, width: 200, height: 100, file: 'Note.md', line: 1 };
    expect(layout([card('a', 0, 0)]).bounds.y).toBe(-24);
    expect(layout([file]).bounds.y).toBeLessThan(-24 - 20);
    expect(layout([group('g', 0, 0, 200, 100)]).bounds.y).toBeLessThan(-24 - 20);
  });

  it('is a margin around nothing for a canvas with no nodes', () => {
    expect(layout([]).bounds).toEqual({ x: -24, y: -24, width: 48, height: 48 });
  });
});

describe('the reading order', () => {
  const ids = (items: ReadingItem[]): unknown[] => items.map((item) => (item.children.length ? [item.node.id, ids(item.children)] : item.node.id));

  it('reads rows top to bottom and each row left to right, nodes a little out of line being one row', () => {
    const result = layout([card('d', 0, 400), card('c', 460, 5), card('b', 230, 10), card('a', 0, 0), card('e', 230, 420)]);
    expect(ids(result.readingOrder)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('puts a group where it stands, followed by what it holds, read the same way', () => {
    const result = layout([
      card('title', 0, -200, 800),
      group('left', 0, 0, 400, 600),
      group('nested', 20, 250, 360, 300),
      card('l1', 20, 20),
      card('n2', 200, 300, 150, 100),
      card('n1', 30, 300, 150, 100),
      card('aside', 500, 0),
      card('end', 0, 800),
    ]);
    expect(ids(result.readingOrder)).toEqual(['title', ['left', ['l1', ['nested', ['n1', 'n2']]]], 'aside', 'end']);
  });

  it('of the fixture canvas', () => {
    expect(ids(fixture().readingOrder)).toEqual([
      't-title',
      ['g-sources', ['f-ideas', 'f-plan-next', 'f-diagram']],
      ['g-thinking', ['t-callout', ['g-questions', ['t-question', 't-answer']]]],
      'l-spec',
      't-footer',
    ]);
  });

  it('lists every node exactly once', () => {
    const result = fixture();
    const flat = (items: ReadingItem[]): string[] => items.flatMap((item) => [item.node.id, ...flat(item.children)]);
    expect(flat(result.readingOrder).sort()).toEqual(result.nodes.map((placed) => placed.node.id).sort());
  });
});

describe('drawing order', () => {
  it('is the file\'s order', () => {
    expect(fixture().nodes.map((placed) => placed.node.id)).toEqual([
      'g-sources', 'g-thinking', 'g-questions', 't-title', 'f-ideas', 'f-plan-next', 'f-diagram', 't-callout', 't-question', 't-answer', 'l-spec', 't-footer',
    ]);
  });
});
