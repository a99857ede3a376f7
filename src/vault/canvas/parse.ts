/**
 * Reads a `.canvas` file and checks it against JSON Canvas 1.0. A file that
 * is not JSON, or not an object with lists of nodes and edges, gives no
 * canvas and an error. Otherwise the canvas keeps every node and edge that is
 * well formed: a node or edge missing a required field, or with one of the
 * wrong type, is left out with a warning; an optional field with a value the
 * spec does not allow (a colour, a side, an end) is ignored with a warning,
 * and the node or edge is kept. Nothing here throws.
 */
import type { VaultPath } from '../types.ts';
import { parseJsonWithLines, type JsonPlace } from './json-lines.ts';
import { quote, readEdge, readNode, type Reader } from './read-fields.ts';
import type { CanvasEdge, CanvasNode, CanvasProblem, ParsedCanvas } from './types.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and validates one canvas file's text. `file` names it in problems. */
export function parseCanvas(text: string, file: VaultPath): ParsedCanvas {
  const problems: CanvasProblem[] = [];
  // Obsidian writes a new, untouched canvas as an empty file.
  if (text.trim() === '') return { canvas: { file, nodes: [], edges: [] }, problems };

  const json = parseJsonWithLines(text);
  if (!json.ok) {
    problems.push({
      rule: 'bad-canvas',
      file,
      line: json.line,
      message: `the canvas is not valid JSON: ${json.message} (column ${json.column})`,
      hint: 'the canvas is not published until the file is fixed; Obsidian writes valid files, so look for a hand edit or a sync conflict',
      severity: 'error',
    });
    return { problems };
  }
  const top = json.value;
  const topPlace = isObject(top) ? json.placeOf(top) : undefined;
  const notCanvas = (message: string, line = 1): ParsedCanvas => {
    problems.push({ rule: 'bad-canvas', file, line, message, hint: 'the canvas is not published until the file is fixed; a canvas is a JSON object: {"nodes": [...], "edges": [...]}', severity: 'error' });
    return { problems };
  };
  if (!isObject(top)) return notCanvas(`the canvas holds ${Array.isArray(top) ? 'a list' : `a ${top === null ? 'null' : typeof top}`}, not an object with “nodes” and “edges”`);
  for (const key of ['nodes', 'edges'] as const) {
    if (top[key] !== undefined && !Array.isArray(top[key])) return notCanvas(`“${key}” is not a list`, topPlace?.keys.get(key));
  }

  const reader: Reader = {
    place: (object) => json.placeOf(object) ?? { line: topPlace?.line ?? 1, keys: new Map() },
    report: (line, message, hint, leftOut) =>
      problems.push({ rule: 'bad-canvas', file, line, message: leftOut ? `${message}; it is left out` : `${message}; it is ignored`, ...(hint ? { hint } : {}), severity: 'warning' }),
  };

  const { nodes, leftOut } = readNodes((top.nodes ?? []) as unknown[], reader);
  const edges = readEdges((top.edges ?? []) as unknown[], new Set(nodes.map((node) => node.id)), leftOut, reader);
  return { canvas: { file, nodes, edges }, problems };
}

/** The valid nodes, each id once (the first keeps it), and the ids of the nodes left out. */
function readNodes(list: unknown[], reader: Reader): { nodes: CanvasNode[]; leftOut: Set<string> } {
  const nodes: CanvasNode[] = [];
  const lines = new Map<string, number>();
  const leftOut = new Set<string>();
  for (const [index, raw] of list.entries()) {
    const node = readNode(raw, index, reader.place(list).keys.get(String(index)) ?? 1, reader);
    if (node === undefined) {
      if (isObject(raw) && typeof raw.id === 'string') leftOut.add(raw.id);
      continue;
    }
    const first = lines.get(node.id);
    if (first !== undefined) {
      reader.report(idLine(reader.place, raw), `node id ${quote(node.id)} is used again (first on line ${first}) by another node`, 'every node needs an id of its own', true);
      continue;
    }
    lines.set(node.id, node.line);
    nodes.push(node);
  }
  return { nodes, leftOut };
}

/** The valid edges between nodes the canvas kept, each id once. */
function readEdges(list: unknown[], nodeIds: ReadonlySet<string>, leftOut: ReadonlySet<string>, reader: Reader): CanvasEdge[] {
  const edges: CanvasEdge[] = [];
  const lines = new Map<string, number>();
  for (const [index, raw] of list.entries()) {
    const edge = readEdge(raw, index, reader.place(list).keys.get(String(index)) ?? 1, reader);
    if (edge === undefined) continue;
    const first = lines.get(edge.id);
    if (first !== undefined) {
      reader.report(idLine(reader.place, raw), `edge id ${quote(edge.id)} is used again (first on line ${first}) by another edge`, 'every edge needs an id of its own', true);
      continue;
    }
    const missing = [edge.fromNode, edge.toNode].find((id) => !nodeIds.has(id));
    if (missing !== undefined) {
      const from = missing === edge.fromNode;
      const why = leftOut.has(missing) ? 'a node that is left out (see above)' : 'which is not a node of the canvas';
      const line = reader.place(raw as object).keys.get(from ? 'fromNode' : 'toNode') ?? edge.line;
      reader.report(line, `edge ${quote(edge.id)} ${from ? 'starts' : 'ends'} at ${quote(missing)}, ${why}`, 'an edge joins two nodes of the same canvas, named by their ids', true);
      continue;
    }
    lines.set(edge.id, edge.line);
    edges.push(edge);
  }
  return edges;
}

function idLine(place: Reader['place'], raw: unknown): number {
  const where: JsonPlace = place(raw as object);
  return where.keys.get('id') ?? where.line;
}
