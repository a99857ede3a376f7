/**
 * Why: Obsidian marks `==text==` as highlighted and renders it as `<mark>`;
 * CommonMark and GFM have no such syntax, so the `==` would show as typed.
 * The pair may enclose other inline markup (`==a **b** [[c]]==`), so it is
 * matched across a run of inline nodes, like emphasis, never inside code.
 * As for `~~`, an opening `==` must be followed by a non-space and a closing
 * one preceded by one, so `a == b` in prose stays text; a run of three or
 * more `=` is never a marker.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { visit } from './visit.ts';

/** The mdast node for a highlight; it becomes `<mark>`. */
export interface Highlight extends Parent {
  type: 'highlight';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight;
  }
  interface RootContentMap {
    highlight: Highlight;
  }
}

export interface RemarkHighlightsOptions {
  /** The element a highlight becomes. Default `mark`. */
  tagName?: string;
}

const MARKER = /(?<!=)==(?!=)/g;

interface Marker {
  child: number;
  at: number;
}

export default function remarkHighlights(options: RemarkHighlightsOptions = {}) {
  const tagName = options.tagName ?? 'mark';
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const parent = node as Parent;
      let from: Marker = { child: 0, at: 0 };
      for (let pair = findPair(parent.children, from); pair; pair = findPair(parent.children, from)) {
        from = { child: wrap(parent, pair, tagName) + 1, at: 0 };
      }
    });
  };
}

/** The first opening `==` at or after `from` and the closing `==` that pairs with it, among one parent's children. */
function findPair(children: Parent['children'], from: Marker): [Marker, Marker] | undefined {
  let open: Marker | undefined;
  for (let child = from.child; child < children.length; child++) {
    const node = children[child]!;
    if (node.type !== 'text') continue;
    for (const match of node.value.matchAll(MARKER)) {
      const at = match.index;
      if (child === from.child && at < from.at) continue;
      const before = at > 0 ? node.value[at - 1]! : child > 0 ? 'x' : ' ';
      const after = at + 2 < node.value.length ? node.value[at + 2]! : child + 1 < children.length ? 'x' : ' ';
      if (open && !/\s/u.test(before) && (open.child !== child || at > open.at + 2)) return [open, { child, at }];
      if (!open && !/\s/u.test(after)) open = { child, at };
    }
  }
  return undefined;
}

/** Wraps what stands between the pair in a highlight node, drops the markers, and returns the highlight's index. */
function wrap(parent: Parent, [open, close]: [Marker, Marker], tagName: string): number {
  const children = parent.children as PhrasingContent[];
  const first = children[open.child] as Text;
  const last = children[close.child] as Text;
  const inside: PhrasingContent[] =
    open.child === close.child
      ? [slice(first, open.at + 2, close.at)]
      : [slice(first, open.at + 2, first.value.length), ...children.slice(open.child + 1, close.child), slice(last, 0, close.at)];
  const highlight: Highlight = {
    type: 'highlight',
    children: inside.filter((node) => node.type !== 'text' || node.value !== ''),
    data: { hName: tagName },
  };
  const before = slice(first, 0, open.at);
  const after = slice(last, close.at + 2, last.value.length);
  const replacement = [...(before.value ? [before] : []), highlight, ...(after.value ? [after] : [])];
  children.splice(open.child, close.child - open.child + 1, ...replacement);
  return open.child + (before.value ? 1 : 0);
}

/** Part of a text node, keeping its position where the text is exactly its source. */
function slice(node: Text, start: number, end: number): Text {
  const part: Text = { type: 'text', value: node.value.slice(start, end) };
  const position = node.position;
  const exact = position?.start.offset !== undefined && position.end.offset !== undefined && position.end.offset - position.start.offset === node.value.length;
  if (exact) part.position = { start: pointAt(position, node.value, start), end: pointAt(position, node.value, end) } satisfies Position;
  return part;
}

function pointAt(position: Position, value: string, index: number): Point {
  const lines = value.slice(0, index).split('\n');
  const line = position.start.line + lines.length - 1;
  const column = lines.length === 1 ? position.start.column + index : lines[lines.length - 1]!.length + 1;
  return { line, column, offset: position.start.offset! + index };
}
