/**
 * A canvas as JSON Canvas 1.0 describes it (jsoncanvas.org/spec/1.0), after
 * validation: every node and edge here is well formed, every edge joins two
 * nodes of the canvas, and optional fields are either valid or absent.
 */
import type { Problem } from '../types.ts';
import type { VaultPath } from '../types.ts';

export type CanvasSide = 'top' | 'right' | 'bottom' | 'left';
export type CanvasEnd = 'none' | 'arrow';

/** One of the six preset colours (`"1"` red … `"6"` purple), or `#rrggbb` in lower case. */
export type CanvasColor = '1' | '2' | '3' | '4' | '5' | '6' | `#${string}`;

interface NodeBase {
  /** The node's id, unique in its canvas. */
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: CanvasColor;
  /** 1-based line of the node in the `.canvas` file, for problems found later (a link in its text that resolves nowhere). */
  line: number;
}

export interface CanvasTextNode extends NodeBase {
  type: 'text';
  /** Markdown, as a note's body. */
  text: string;
}

export interface CanvasFileNode extends NodeBase {
  type: 'file';
  /** The file's path in the vault, as the canvas wrote it: `Notes/Topic.md`, `Attachments/chart.png`. */
  file: string;
  /** A heading or block of the file, starting with `#`: `#Heading`, `#^block`. */
  subpath?: string;
}

export interface CanvasLinkNode extends NodeBase {
  type: 'link';
  url: string;
}

export interface CanvasGroupNode extends NodeBase {
  type: 'group';
  label?: string;
  /** The path of a background image in the vault. */
  background?: string;
  backgroundStyle?: 'cover' | 'ratio' | 'repeat';
}

export type CanvasNode = CanvasTextNode | CanvasFileNode | CanvasLinkNode | CanvasGroupNode;

export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  /** Absent when the canvas leaves it to the app: the layout picks the side facing the other end. */
  fromSide?: CanvasSide;
  toSide?: CanvasSide;
  /** `none` unless the canvas says otherwise. */
  fromEnd: CanvasEnd;
  /** `arrow` unless the canvas says otherwise. */
  toEnd: CanvasEnd;
  color?: CanvasColor;
  label?: string;
  line: number;
}

export interface Canvas {
  file: VaultPath;
  /** In the file's order, which is the drawing order: later nodes are drawn over earlier ones. */
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/**
 * A problem in a canvas file. Its rule, `bad-canvas`, is one of the
 * report's rules; the type is `Problem` with that rule.
 */
export type CanvasProblem = Omit<Problem, 'rule'> & { rule: 'bad-canvas' };

export interface ParsedCanvas {
  /** Absent when the file is not a canvas at all (not JSON, or not an object with node and edge lists). */
  canvas?: Canvas;
  problems: CanvasProblem[];
}
