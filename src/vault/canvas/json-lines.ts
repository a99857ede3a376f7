/**
 * JSON parsing that remembers where things were: the line of every object
 * and of each of its keys, so a problem with a canvas node can name the line
 * the author has to fix. `JSON.parse` accepts and rejects exactly the same
 * texts; it just cannot say where a value stood, nor where a text stops
 * being JSON in a form we can rely on.
 *
 * Objects are made without a prototype, so a key such as `__proto__` is an
 * ordinary key. Nesting is limited, so a hostile file cannot exhaust the stack.
 */

export interface JsonPlace {
  /** 1-based line of the object's `{` or the array's `[`. */
  line: number;
  /** 1-based line of each key of an object, or of each item of an array (keyed `"0"`, `"1"`…). */
  keys: ReadonlyMap<string, number>;
}

export type JsonParse =
  | { ok: true; value: unknown; placeOf(object: object): JsonPlace | undefined }
  | { ok: false; line: number; column: number; message: string };

/** Deeper than any canvas needs; deep enough to never refuse a real file. */
const MAX_DEPTH = 256;

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

/** Where the reader is in the text; `line` is the line of `at`. */
interface Cursor {
  readonly text: string;
  at: number;
  line: number;
  readonly places: WeakMap<object, JsonPlace>;
}

const describe = (cursor: Cursor, position = cursor.at) =>
  position >= cursor.text.length ? 'the file ends too early' : `unexpected “${String.fromCodePoint(cursor.text.codePointAt(position)!)}”`;

/** Steps over white space, counting lines: JSON has line breaks nowhere else (not even in strings). */
function space(cursor: Cursor): void {
  const { text } = cursor;
  for (;;) {
    const code = text.charCodeAt(cursor.at);
    if (code === 0x20 || code === 0x09) cursor.at++;
    else if (code === 0x0a) {
      cursor.at++;
      cursor.line++;
    } else if (code === 0x0d) {
      cursor.at++;
      if (text.charCodeAt(cursor.at) !== 0x0a) cursor.line++;
    } else return;
  }
}

function string(cursor: Cursor): string {
  const { text } = cursor;
  STRING.lastIndex = cursor.at;
  const match = STRING.exec(text);
  if (!match) {
    // Find the first character that broke the string, to point at it.
    let end = cursor.at + 1;
    while (end < text.length && text[end] !== '"' && text.charCodeAt(end) >= 0x20) end += text[end] === '\\' ? 2 : 1;
    const message = end >= text.length ? 'a string is not closed' : text[end] === '"' ? 'a string has a bad escape' : 'a string runs onto the next line; write \\n instead';
    throw new JsonError(message, Math.min(end, text.length));
  }
  cursor.at += match[0].length;
  return JSON.parse(match[0]) as string;
}

function literal(cursor: Cursor, word: string, value: unknown): unknown {
  if (!cursor.text.startsWith(word, cursor.at)) throw new JsonError(describe(cursor), cursor.at);
  cursor.at += word.length;
  return value;
}

function value(cursor: Cursor, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new JsonError(`values are nested more than ${MAX_DEPTH} deep`, cursor.at);
  const char = cursor.text[cursor.at];
  if (char === '{') return object(cursor, depth);
  if (char === '[') return array(cursor, depth);
  if (char === '"') return string(cursor);
  if (char === 't') return literal(cursor, 'true', true);
  if (char === 'f') return literal(cursor, 'false', false);
  if (char === 'n') return literal(cursor, 'null', null);
  NUMBER.lastIndex = cursor.at;
  const number = NUMBER.exec(cursor.text);
  if (!number) throw new JsonError(describe(cursor), cursor.at);
  cursor.at += number[0].length;
  return Number(number[0]);
}

/** After an item of a list or object: true at its end, false at a comma (stepped over), else an error. */
function more(cursor: Cursor, close: '}' | ']'): boolean {
  space(cursor);
  const char = cursor.text[cursor.at];
  if (char !== ',' && char !== close) throw new JsonError(`${describe(cursor)}; “,” or “${close}” was expected`, cursor.at);
  cursor.at++;
  space(cursor);
  return char === close;
}

function object(cursor: Cursor, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  const keys = new Map<string, number>();
  cursor.places.set(result, { line: cursor.line, keys });
  cursor.at++;
  space(cursor);
  if (cursor.text[cursor.at] === '}') {
    cursor.at++;
    return result;
  }
  do {
    if (cursor.text[cursor.at] !== '"') throw new JsonError(`${describe(cursor)}; a key in double quotes was expected`, cursor.at);
    const line = cursor.line;
    const key = string(cursor);
    keys.set(key, line);
    space(cursor);
    if (cursor.text[cursor.at] !== ':') throw new JsonError(`${describe(cursor)}; “:” was expected after the key`, cursor.at);
    cursor.at++;
    space(cursor);
    result[key] = value(cursor, depth + 1);
  } while (!more(cursor, '}'));
  return result;
}

function array(cursor: Cursor, depth: number): unknown[] {
  const result: unknown[] = [];
  const items = new Map<string, number>();
  cursor.places.set(result, { line: cursor.line, keys: items });
  cursor.at++;
  space(cursor);
  if (cursor.text[cursor.at] === ']') {
    cursor.at++;
    return result;
  }
  do {
    items.set(String(result.length), cursor.line);
    result.push(value(cursor, depth + 1));
  } while (!more(cursor, ']'));
  return result;
}

export function parseJsonWithLines(source: string): JsonParse {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const cursor: Cursor = { text, at: 0, line: 1, places: new WeakMap() };
  try {
    space(cursor);
    const result = value(cursor, 0);
    space(cursor);
    if (cursor.at < text.length) throw new JsonError(`${describe(cursor)} after the end of the JSON value`, cursor.at);
    return { ok: true, value: result, placeOf: (object) => cursor.places.get(object) };
  } catch (error) {
    // Only our own errors are expected; anything else is still reported, never thrown at the build.
    if (error instanceof JsonError) return { ok: false, ...position(text, error.at), message: error.message };
    return { ok: false, ...position(text, cursor.at), message: error instanceof Error ? error.message : String(error) };
  }
}

/** Line and column (both 1-based) of an offset, counting lines as `space()` does. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
