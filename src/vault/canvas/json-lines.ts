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

export function parseJsonWithLines(source: string): JsonParse {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const places = new WeakMap<object, JsonPlace>();
  let at = 0;
  let line = 1;

  const describe = (position: number) =>
    position >= text.length ? 'the file ends too early' : `unexpected “${String.fromCodePoint(text.codePointAt(position)!)}”`;

  const space = () => {
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x09) at++;
      else if (code === 0x0a) {
        at++;
        line++;
      } else if (code === 0x0d) {
        at++;
        if (text.charCodeAt(at) !== 0x0a) line++;
      } else return;
    }
  };

  const string = (): string => {
    STRING.lastIndex = at;
    const match = STRING.exec(text);
    if (!match) {
      // Find the first character that broke the string, to point at it.
      let end = at + 1;
      while (end < text.length && text[end] !== '"' && text.charCodeAt(end) >= 0x20) end += text[end] === '\\' ? 2 : 1;
      const message = end >= text.length ? 'a string is not closed' : text[end] === '"' ? 'a string has a bad escape' : 'a string runs onto the next line; write \\n instead';
      throw new JsonError(message, Math.min(end, text.length));
    }
    at += match[0].length;
    return JSON.parse(match[0]) as string;
  };

  const literal = (word: string, value: unknown) => {
    if (!text.startsWith(word, at)) throw new JsonError(describe(at), at);
    at += word.length;
    return value;
  };

  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new JsonError(`values are nested more than ${MAX_DEPTH} deep`, at);
    const char = text[at];
    if (char === '{') return object(depth);
    if (char === '[') return array(depth);
    if (char === '"') return string();
    if (char === 't') return literal('true', true);
    if (char === 'f') return literal('false', false);
    if (char === 'n') return literal('null', null);
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (!number) throw new JsonError(describe(at), at);
    at += number[0].length;
    return Number(number[0]);
  };

  const object = (depth: number) => {
    const result: Record<string, unknown> = Object.create(null);
    const keys = new Map<string, number>();
    places.set(result, { line, keys });
    at++;
    space();
    if (text[at] === '}') {
      at++;
      return result;
    }
    for (;;) {
      if (text[at] !== '"') throw new JsonError(`${describe(at)}; a key in double quotes was expected`, at);
      const keyLine = line;
      const key = string();
      keys.set(key, keyLine);
      space();
      if (text[at] !== ':') throw new JsonError(`${describe(at)}; “:” was expected after the key`, at);
      at++;
      space();
      result[key] = value(depth + 1);
      space();
      if (text[at] === ',') {
        at++;
        space();
      } else if (text[at] === '}') {
        at++;
        return result;
      } else throw new JsonError(`${describe(at)}; “,” or “}” was expected`, at);
    }
  };

  const array = (depth: number) => {
    const result: unknown[] = [];
    const items = new Map<string, number>();
    places.set(result, { line, keys: items });
    at++;
    space();
    if (text[at] === ']') {
      at++;
      return result;
    }
    for (;;) {
      items.set(String(result.length), line);
      result.push(value(depth + 1));
      space();
      if (text[at] === ',') {
        at++;
        space();
      } else if (text[at] === ']') {
        at++;
        return result;
      } else throw new JsonError(`${describe(at)}; “,” or “]” was expected`, at);
    }
  };

  try {
    space();
    const result = value(0);
    space();
    if (at < text.length) throw new JsonError(`${describe(at)} after the end of the JSON value`, at);
    return { ok: true, value: result, placeOf: (object) => places.get(object) };
  } catch (error) {
    // Only our own errors are expected; anything else is still reported, never thrown at the build.
    if (error instanceof JsonError) return { ok: false, ...position(text, error.at), message: error.message };
    return { ok: false, ...position(text, at), message: error instanceof Error ? error.message : String(error) };
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
