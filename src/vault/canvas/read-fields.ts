/**
 * The fields of one node or edge, checked against JSON Canvas 1.0. A
 * required field that is missing or of the wrong type leaves the node or
 * edge out; an optional one with a value the spec does not allow is dropped
 * and the rest kept. Each finding is reported on the line of the field, or
 * of the node when the field is missing. Keys the spec does not name are
 * ignored, as Obsidian ignores them (plugins add their own).
 */
import type { JsonPlace } from './json-lines.ts';
import type { CanvasColor, CanvasEdge, CanvasEnd, CanvasNode, CanvasSide } from './types.ts';

export interface Reader {
  place(object: object): JsonPlace;
  /** `leftOut`: the node or edge is dropped; otherwise only the field is. */
  report(line: number, message: string, hint: string | undefined, leftOut: boolean): void;
}

/** A value from the file as a problem shows it: quoted, short, on one line, with no control characters to upset a terminal. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return `“${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}”`;
}

const NODE_TYPES = ['text', 'file', 'link', 'group'] as const;
const SIDES: readonly CanvasSide[] = ['top', 'right', 'bottom', 'left'];
const ENDS: readonly CanvasEnd[] = ['none', 'arrow'];
const BACKGROUND_STYLES = ['cover', 'ratio', 'repeat'] as const;
const HEX = /^#[0-9a-f]{6}$/i;

const COLOR_HINT = 'a colour is "1" to "6" (red, orange, yellow, green, cyan, purple) or a hex colour such as "#3a7bd5"';

/** A valid colour, normalised: the official schema also allows the presets as numbers. */
export function canvasColor(value: unknown): CanvasColor | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6) return String(value) as CanvasColor;
  if (typeof value !== 'string') return undefined;
  if (/^[1-6]$/.test(value)) return value as CanvasColor;
  return HEX.test(value) ? (value.toLowerCase() as CanvasColor) : undefined;
}

/** Reads a field's value with what is said when it is wrong. */
function fields(raw: Record<string, unknown>, place: JsonPlace, what: string, reader: Reader) {
  const lineOf = (key: string) => place.keys.get(key) ?? place.line;
  return {
    lineOf,
    /** A required field: reported and `undefined` when missing or of the wrong kind. */
    required<T>(key: string, check: (value: unknown) => value is T, kind: string, hint?: string): T | undefined {
      const value = raw[key];
      if (value === undefined) reader.report(place.line, `${what} has no “${key}”`, hint ?? `add “${key}”: ${kind}`, true);
      else if (!check(value)) reader.report(lineOf(key), `${what}: “${key}” is ${quote(value)}, not ${kind}`, hint, true);
      else return value;
      return undefined;
    },
    /** An optional field: `undefined` when absent; reported and `undefined` when not allowed. */
    optional<T>(key: string, read: (value: unknown) => T | undefined, kind: string, hint?: string): T | undefined {
      const value = raw[key];
      if (value === undefined) return undefined;
      const result = read(value);
      if (result === undefined) reader.report(lineOf(key), `${what}: “${key}” is ${quote(value)}, not ${kind}`, hint, false);
      return result;
    },
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isSize = (value: unknown): value is number => isNumber(value) && value > 0;
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T | undefined =>
    values.includes(value as T) ? (value as T) : undefined;
const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function readNode(raw: unknown, index: number, line: number, reader: Reader): CanvasNode | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reader.report(line, `node ${index + 1} of “nodes” is ${quote(raw)}, not an object`, undefined, true);
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const place = reader.place(record);
  const id = fields(record, place, `node ${index + 1}`, reader).required('id', isId, 'a non-empty string', 'every node needs an id (a string, unique in the canvas)');
  if (id === undefined) return undefined;
  const what = `node ${quote(id)}`;
  const field = fields(record, place, what, reader);
  const type = field.required('type', (value): value is (typeof NODE_TYPES)[number] => NODE_TYPES.includes(value as never), 'a node type', 'a node is of type "text", "file", "link" or "group"');
  const x = field.required('x', isNumber, 'a number');
  const y = field.required('y', isNumber, 'a number');
  const width = field.required('width', isSize, 'a number above 0');
  const height = field.required('height', isSize, 'a number above 0');
  if (type === undefined || x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  const color = field.optional('color', canvasColor, 'a colour', COLOR_HINT);
  const base = { id, x, y, width, height, ...(color ? { color } : {}), line: place.line };
  switch (type) {
    case 'text': {
      const text = field.required('text', isString, 'a string of Markdown');
      return text === undefined ? undefined : { ...base, type, text };
    }
    case 'file': {
      const file = field.required('file', isId, 'a path in the vault', 'a file node names a file of the vault: "file": "Notes/Topic.md"');
      if (file === undefined) return undefined;
      const subpath = field.optional('subpath', (value) => (typeof value === 'string' && /^#./.test(value) ? value : undefined), 'a heading or block starting with “#”', 'write "#Heading" or "#^block-id"');
      return { ...base, type, file, ...(subpath ? { subpath } : {}) };
    }
    case 'link': {
      const url = field.required('url', isId, 'a URL');
      return url === undefined ? undefined : { ...base, type, url };
    }
    case 'group': {
      const label = field.optional('label', asString, 'a string');
      const background = field.optional('background', (value) => (isId(value) ? value : undefined), 'a path in the vault');
      const backgroundStyle = field.optional('backgroundStyle', oneOf(BACKGROUND_STYLES), 'a background style', 'a background style is "cover", "ratio" or "repeat"');
      return { ...base, type, ...(label !== undefined ? { label } : {}), ...(background ? { background } : {}), ...(backgroundStyle ? { backgroundStyle } : {}) };
    }
  }
}

export function readEdge(raw: unknown, index: number, line: number, reader: Reader): CanvasEdge | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reader.report(line, `edge ${index + 1} of “edges” is ${quote(raw)}, not an object`, undefined, true);
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const place = reader.place(record);
  const id = fields(record, place, `edge ${index + 1}`, reader).required('id', isId, 'a non-empty string', 'every edge needs an id (a string, unique in the canvas)');
  if (id === undefined) return undefined;
  const field = fields(record, place, `edge ${quote(id)}`, reader);
  const fromNode = field.required('fromNode', isId, 'a node id');
  const toNode = field.required('toNode', isId, 'a node id');
  if (fromNode === undefined || toNode === undefined) return undefined;
  const sideHint = 'a side is "top", "right", "bottom" or "left"';
  const endHint = 'an end is "none" or "arrow"';
  const fromSide = field.optional('fromSide', oneOf(SIDES), 'a side', sideHint);
  const toSide = field.optional('toSide', oneOf(SIDES), 'a side', sideHint);
  const fromEnd = field.optional('fromEnd', oneOf(ENDS), 'an end', endHint) ?? 'none';
  const toEnd = field.optional('toEnd', oneOf(ENDS), 'an end', endHint) ?? 'arrow';
  const color = field.optional('color', canvasColor, 'a colour', COLOR_HINT);
  const label = field.optional('label', asString, 'a string');
  return {
    id,
    fromNode,
    toNode,
    ...(fromSide ? { fromSide } : {}),
    ...(toSide ? { toSide } : {}),
    fromEnd,
    toEnd,
    ...(color ? { color } : {}),
    ...(label ? { label } : {}),
    line: place.line,
  };
}
