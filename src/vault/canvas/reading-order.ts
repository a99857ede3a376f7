/**
 * The order to read a canvas's nodes in, for a narrow screen and for anyone
 * who cannot see the picture. A canvas has no order of its own, so we make
 * one from the picture:
 *
 * - a group is read where it stands, followed by what it holds (read the
 *   same way), so a group's nodes stay together;
 * - nodes (and groups) at one level are read in rows, top to bottom, and
 *   left to right within a row. A node joins the row above when its top is
 *   higher than the middle of every node already in that row, so nodes that
 *   sit side by side, a little out of line, are one row.
 *
 * The drawing order (the file's order) plays no part, except to break exact
 * ties, where the node drawn first is read first.
 */
import type { Box } from './geometry.ts';
import type { CanvasNode } from './types.ts';

/** A node where the layout placed it (layout.ts's PlacedNode): its box, and the group that holds it. */
interface PlacedNode {
  node: CanvasNode;
  box: Box;
  group?: string;
}

export interface ReadingItem {
  node: CanvasNode;
  /** For a group, what it holds, in reading order; empty for other nodes. */
  children: ReadingItem[];
}

function inRows(nodes: readonly PlacedNode[]): PlacedNode[] {
  const sorted = [...nodes].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const rows: PlacedNode[][] = [];
  let midline = -Infinity;
  for (const placed of sorted) {
    const row = rows.at(-1);
    if (row && placed.box.y < midline) {
      row.push(placed);
      midline = Math.min(midline, placed.box.y + placed.box.height / 2);
    } else {
      rows.push([placed]);
      midline = placed.box.y + placed.box.height / 2;
    }
  }
  // Array.prototype.sort is stable, so exact ties keep the drawing order.
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x));
}

export function readingOrder(nodes: readonly PlacedNode[]): ReadingItem[] {
  const held = new Map<string | undefined, PlacedNode[]>();
  for (const placed of nodes) {
    const siblings = held.get(placed.group) ?? [];
    siblings.push(placed);
    held.set(placed.group, siblings);
  }
  const level = (group: string | undefined): ReadingItem[] =>
    inRows(held.get(group) ?? []).map(({ node }) => ({ node, children: node.type === 'group' ? level(node.id) : [] }));
  return level(undefined);
}
