import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonWithLines } from '../../../src/vault/canvas/json-lines.ts';

const vault = path.join(import.meta.dirname, '..', '..', 'fixtures', 'canvas-vault');

/** Whether JSON.parse accepts the text, and what it makes of it. */
function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const VALID = [
  '{}',
  '[]',
  ' \t\r\n{ "a" : [ 1 , -2.5e3 , 0 , 0.5 , 1E+2 , true , false , null ] } \n',
  '"text with \\"escapes\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00"',
  '{"nodes":[{"id":"a","x":-10,"y":20.25}],"edges":[]}',
  '{"a":1,"a":2}',
  '{"":{"":[[[]]]}}',
  '123',
  '-0',
  '"é 😀 \u2028"',
];
const INVALID = [
  '',
  '{',
  '{"a":1,}',
  '[1,]',
  '[1 2]',
  '{"a" 1}',
  "{'a':1}",
  '{a:1}',
  '01',
  '1.',
  '.5',
  '+1',
  '-',
  '1e',
  'tru',
  'nul',
  'NaN',
  'Infinity',
  '"unterminated',
  '"bad \\x escape"',
  '"\\u12"',
  '"line\nbreak"',
  '"tab\tinside"',
  '{} {}',
  '[] x',
  '// comment\n{}',
];

describe('JSON with lines', () => {
  it('accepts what JSON.parse accepts, with the same value', () => {
    for (const text of VALID) {
      const result = parseJsonWithLines(text);
      expect(result.ok, text).toBe(true);
      if (result.ok) expect(result.value, text).toEqual((reference(text) as { value: unknown }).value);
    }
  });

  it('rejects what JSON.parse rejects', () => {
    for (const text of INVALID) {
      expect(reference(text).ok, text).toBe(false);
      expect(parseJsonWithLines(text).ok, text).toBe(false);
    }
  });

  it('agrees with JSON.parse on every prefix of a real canvas', () => {
    const text = readFileSync(path.join(vault, 'Map.canvas'), 'utf8');
    for (let end = 0; end <= text.length; end += 7) {
      const slice = text.slice(0, end);
      expect(parseJsonWithLines(slice).ok, `first ${end} characters`).toBe(reference(slice).ok);
    }
  });

  it('gives the line of every object, and of each key', () => {
    const text = '{\n  "nodes": [\n    {"id": "a",\n     "x": 1},\n    {\n      "id": "b"\n    }\n  ]\n}';
    const result = parseJsonWithLines(text);
    if (!result.ok) throw new Error(result.message);
    const top = result.value as { nodes: object[] };
    expect(result.placeOf(top)?.line).toBe(1);
    expect(result.placeOf(top)?.keys.get('nodes')).toBe(2);
    expect(result.placeOf(top.nodes[0]!)).toEqual({ line: 3, keys: new Map([['id', 3], ['x', 4]]) });
    expect(result.placeOf(top.nodes[1]!)).toEqual({ line: 5, keys: new Map([['id', 6]]) });
    // An array's items are keyed by their index.
    expect(result.placeOf(top.nodes)?.keys.get('1')).toBe(5);
  });

  it('counts lines ended by \\r\\n, \\n or \\r alike', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const result = parseJsonWithLines(['[', '{"a":1},', '{"b":2}', ']'].join(newline));
      if (!result.ok) throw new Error(result.message);
      const list = result.value as object[];
      expect(result.placeOf(list[1]!)?.line, JSON.stringify(newline)).toBe(3);
    }
  });

  it('says where a text stops being JSON: line, column and what was expected', () => {
    const broken = readFileSync(path.join(vault, 'Broken.canvas'), 'utf8');
    expect(parseJsonWithLines(broken)).toEqual({ ok: false, line: 4, column: 3, message: 'unexpected “{”; “,” or “]” was expected' });
    expect(parseJsonWithLines('{\n  "a": "no end\n}')).toMatchObject({ ok: false, line: 2, message: 'a string runs onto the next line; write \\n instead' });
    expect(parseJsonWithLines('{"a": 1')).toMatchObject({ ok: false, line: 1, column: 8, message: 'the file ends too early; “,” or “}” was expected' });
    expect(parseJsonWithLines('[1]\n\n]')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it('reads a byte order mark as nothing, as editors write it', () => {
    expect(parseJsonWithLines('\ufeff{"nodes":[]}')).toMatchObject({ ok: true, value: { nodes: [] } });
  });

  it('keeps a key named __proto__ as an ordinary key, changing no prototype', () => {
    const result = parseJsonWithLines('{"__proto__": {"polluted": true}, "constructor": 1}');
    if (!result.ok) throw new Error(result.message);
    const value = result.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(value['__proto__']).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than a canvas could need, without exhausting the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = parseJsonWithLines(deep);
    expect(result).toMatchObject({ ok: false, line: 1, message: 'values are nested more than 256 deep' });
    expect(parseJsonWithLines(`${'['.repeat(200)}${']'.repeat(200)}`).ok).toBe(true);
  });

  it('parses every canvas of the fixture vault that JSON.parse parses', () => {
    const files = readdirSync(vault).filter((file) => file.endsWith('.canvas'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = readFileSync(path.join(vault, file), 'utf8');
      expect(parseJsonWithLines(text).ok, file).toBe(reference(text).ok);
    }
  });
});
