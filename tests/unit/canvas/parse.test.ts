import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanvas } from '../../../src/vault/canvas/parse.ts';
import type { CanvasProblem } from '../../../src/vault/canvas/types.ts';
import { asVaultPath } from '../../../src/vault/types.ts';

const vault = path.join(import.meta.dirname, '..', '..', 'fixtures', 'canvas-vault');
const FILE = asVaultPath('Boards/Test.canvas');

/**
 * A canvas as Obsidian writes it, one node or edge to a line: node i is on
 * line 3 + i, edge j on line 5 + (number of nodes) + j.
 */
function canvasText(nodes: unknown[], edges: unknown[] = []): string {
  const lines = (items: unknown[]) => items.map((item, i) => `\t\t${JSON.stringify(item)}${i < items.length - 1 ? ',' : ''}`);
  return ['{', '\t"nodes":[', ...lines(nodes), '\t],', '\t"edges":[', ...lines(edges), '\t]', '}'].join('\n');
}
const nodeLine = (i: number) => 3 + i;
const edgeLine = (nodes: number, j: number) => 5 + nodes + j;

const text = (id: string, extra: object = {}) => ({ id, type: 'text', x: 0, y: 0, width: 200, height: 100, text: `Card ${id}`, ...extra });
const edge = (id: string, fromNode: string, toNode: string, extra: object = {}) => ({ id, fromNode, toNode, ...extra });

/** Parses one odd node among good ones, and gives what was kept and said. */
function withNode(node: unknown) {
  return parseCanvas(canvasText([text('before'), node, text('after', { x: 300 })]), FILE);
}

const summary = (problems: CanvasProblem[]) => problems.map((problem) => ({ line: problem.line, message: problem.message, severity: problem.severity }));

describe('reading a canvas', () => {
  it('reads every kind of node and edge of the fixture canvas, with nothing to report', () => {
    const { canvas, problems } = parseCanvas(readFileSync(path.join(vault, 'Map.canvas'), 'utf8'), asVaultPath('Map.canvas'));
    expect(problems).toEqual([]);
    expect(canvas!.nodes.map((node) => node.type).sort()).toEqual(['file', 'file', 'file', 'group', 'group', 'group', 'link', 'text', 'text', 'text', 'text', 'text']);
    expect(canvas!.edges).toHaveLength(8);
    expect(canvas!.nodes.find((node) => node.id === 'f-plan-next')).toEqual({
      id: 'f-plan-next', type: 'file', x: -440, y: 200, width: 360, height: 220, file: 'Notes/Plan.md', subpath: '#Next steps', line: 8,
    });
    expect(canvas!.nodes.find((node) => node.id === 'g-thinking')).toMatchObject({ type: 'group', label: 'Thinking', color: '#8a5cf6', line: 4 });
    expect(canvas!.edges.find((e) => e.id === 'e-plan-question')).toMatchObject({ fromSide: 'right', toSide: 'left', fromEnd: 'arrow', toEnd: 'arrow', color: '#e67e22', line: 19 });
  });

  it('gives edges the spec\'s default ends: none at the start, an arrow at the end', () => {
    const { canvas } = parseCanvas(canvasText([text('a'), text('b')], [edge('e', 'a', 'b')]), FILE);
    expect(canvas!.edges[0]).toEqual({ id: 'e', fromNode: 'a', toNode: 'b', fromEnd: 'none', toEnd: 'arrow', line: edgeLine(2, 0) });
  });

  it('reads an empty file as an empty canvas, as Obsidian writes a new one', () => {
    expect(parseCanvas('', FILE)).toEqual({ canvas: { file: FILE, nodes: [], edges: [] }, problems: [] });
    expect(parseCanvas('{}', FILE)).toEqual({ canvas: { file: FILE, nodes: [], edges: [] }, problems: [] });
  });

  it('ignores keys the spec does not name, as plugins add their own', () => {
    const { canvas, problems } = withNode(text('styled', { styleAttributes: { shape: 'pill' }, zIndex: 3 }));
    expect(problems).toEqual([]);
    expect(canvas!.nodes[1]).toEqual({ id: 'styled', type: 'text', x: 0, y: 0, width: 200, height: 100, text: 'Card styled', line: nodeLine(1) });
  });

  it('accepts positions and sizes that are not whole numbers, as the official schema does', () => {
    const { canvas, problems } = withNode(text('half', { x: 10.5, y: -3.25, width: 200.5 }));
    expect(problems).toEqual([]);
    expect(canvas!.nodes[1]).toMatchObject({ x: 10.5, y: -3.25, width: 200.5 });
  });

  it('normalises colours: presets as strings (numbers too, as the official schema allows), hex in lower case', () => {
    const { canvas, problems } = parseCanvas(canvasText([text('a', { color: '3' }), text('b', { color: 6 }), text('c', { color: '#AABBCC' })]), FILE);
    expect(problems).toEqual([]);
    expect(canvas!.nodes.map((node) => node.color)).toEqual(['3', '6', '#aabbcc']);
  });
});

describe('a file that is not a canvas', () => {
  it('gives no canvas and an error on the line where the JSON breaks', () => {
    const result = parseCanvas(readFileSync(path.join(vault, 'Broken.canvas'), 'utf8'), asVaultPath('Broken.canvas'));
    expect(result.canvas).toBeUndefined();
    expect(result.problems).toEqual([
      {
        rule: 'bad-canvas',
        file: 'Broken.canvas',
        line: 4,
        message: 'the canvas is not valid JSON: unexpected “{”; “,” or “]” was expected (column 3)',
        hint: expect.stringContaining('not published until the file is fixed'),
        severity: 'error',
      },
    ]);
  });

  it('gives no canvas when the JSON is not an object, or its lists are not lists', () => {
    for (const [source, message, line] of [
      ['[1, 2]', 'the canvas holds a list, not an object with “nodes” and “edges”', 1],
      ['"nodes"', 'the canvas holds a string, not an object with “nodes” and “edges”', 1],
      ['null', 'the canvas holds a null, not an object with “nodes” and “edges”', 1],
      ['{\n"nodes": {"a": 1}\n}', '“nodes” is not a list', 2],
      ['{\n"nodes": [],\n"edges": "none"\n}', '“edges” is not a list', 3],
    ] as const) {
      const result = parseCanvas(source, FILE);
      expect(result.canvas, source).toBeUndefined();
      expect(summary(result.problems), source).toEqual([{ line, message, severity: 'error' }]);
      expect(result.problems[0]!.file).toBe(FILE);
    }
  });
});

describe('a node the spec does not allow is left out, with its line', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', 'just text', 'node 2 of “nodes” is “just text”, not an object; it is left out'],
    ['no id', { type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'x' }, 'node 2 has no “id”; it is left out'],
    ['an empty id', text(''), 'node 2: “id” is “”, not a non-empty string; it is left out'],
    ['an id that is not a string', text('x', { id: 7 }), 'node 2: “id” is “7”, not a non-empty string; it is left out'],
    ['no type', { id: 'n', x: 0, y: 0, width: 10, height: 10 }, 'node “n” has no “type”; it is left out'],
    ['a type the spec does not have', text('n', { type: 'card' }), 'node “n”: “type” is “card”, not a node type; it is left out'],
    ['no x', { ...text('n'), x: undefined }, 'node “n” has no “x”; it is left out'],
    ['a y that is not a number', text('n', { y: '10' }), 'node “n”: “y” is “10”, not a number; it is left out'],
    ['a width of 0', text('n', { width: 0 }), 'node “n”: “width” is “0”, not a number above 0; it is left out'],
    ['a negative height', text('n', { height: -5 }), 'node “n”: “height” is “-5”, not a number above 0; it is left out'],
    ['a text node without text', { ...text('n'), text: undefined }, 'node “n” has no “text”; it is left out'],
    ['a text node whose text is not a string', text('n', { text: ['a'] }), 'node “n”: “text” is “["a"]”, not a string of Markdown; it is left out'],
    ['a file node without a file', { id: 'n', type: 'file', x: 0, y: 0, width: 10, height: 10 }, 'node “n” has no “file”; it is left out'],
    ['a file node with an empty file', { id: 'n', type: 'file', x: 0, y: 0, width: 10, height: 10, file: '' }, 'node “n”: “file” is “”, not a path in the vault; it is left out'],
    ['a link node without a url', { id: 'n', type: 'link', x: 0, y: 0, width: 10, height: 10 }, 'node “n” has no “url”; it is left out'],
  ];
  for (const [what, node, message] of cases) {
    it(`with ${what}`, () => {
      const { canvas, problems } = withNode(node);
      expect(canvas!.nodes.map((kept) => kept.id)).toEqual(['before', 'after']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ rule: 'bad-canvas', file: FILE, line: nodeLine(1), message, severity: 'warning' });
    });
  }

  it('with an id another node has: the second is left out, on the line of its id', () => {
    const source = '{"nodes":[\n{"id":"a","type":"text","x":0,"y":0,"width":10,"height":10,"text":"first"},\n{"type":"text",\n"id":"a",\n"x":0,"y":0,"width":10,"height":10,"text":"second"}\n]}';
    const { canvas, problems } = parseCanvas(source, FILE);
    expect(canvas!.nodes.map((node) => node.type === 'text' && node.text)).toEqual(['first']);
    expect(summary(problems)).toEqual([{ line: 4, message: 'node id “a” is used again (first on line 2) by another node; it is left out', severity: 'warning' }]);
  });

  it('naming the field\'s own line when the node spans several', () => {
    const source = '{"nodes":[\n  {\n    "id": "n",\n    "type": "text",\n    "x": 0, "y": 0,\n    "width": "wide",\n    "height": 10,\n    "text": "x"\n  }\n]}';
    expect(summary(parseCanvas(source, FILE).problems)).toEqual([{ line: 6, message: 'node “n”: “width” is “wide”, not a number above 0; it is left out', severity: 'warning' }]);
  });
});

describe('an optional field the spec does not allow is ignored, and its node or edge kept', () => {
  const cases: [string, object, string][] = [
    ['a colour name', { color: 'red' }, 'node “n”: “color” is “red”, not a colour; it is ignored'],
    ['a preset out of range', { color: '7' }, 'node “n”: “color” is “7”, not a colour; it is ignored'],
    ['a short hex colour', { color: '#f00' }, 'node “n”: “color” is “#f00”, not a colour; it is ignored'],
    ['a colour that would escape into CSS', { color: '#ffffff;background:url(x)' }, 'node “n”: “color” is “#ffffff;background:url(x)”, not a colour; it is ignored'],
  ];
  for (const [what, extra, message] of cases) {
    it(`a node with ${what}`, () => {
      const { canvas, problems } = withNode(text('n', extra));
      expect(canvas!.nodes[1]).not.toHaveProperty('color');
      expect(canvas!.nodes).toHaveLength(3);
      expect(summary(problems)).toEqual([{ line: nodeLine(1), message, severity: 'warning' }]);
    });
  }

  it('a file node\'s subpath that does not start with #', () => {
    const { canvas, problems } = withNode({ id: 'n', type: 'file', x: 0, y: 0, width: 10, height: 10, file: 'Note.md', subpath: 'Heading' });
    expect(canvas!.nodes[1]).toEqual({ id: 'n', type: 'file', x: 0, y: 0, width: 10, height: 10, file: 'Note.md', line: nodeLine(1) });
    expect(summary(problems)).toEqual([{ line: nodeLine(1), message: 'node “n”: “subpath” is “Heading”, not a heading or block starting with “#”; it is ignored', severity: 'warning' }]);
  });

  it('a group\'s label that is not a string, and a background style the spec does not have', () => {
    const { canvas, problems } = withNode({ id: 'g', type: 'group', x: 0, y: 0, width: 10, height: 10, label: 5, background: 'bg.png', backgroundStyle: 'stretch' });
    expect(canvas!.nodes[1]).toEqual({ id: 'g', type: 'group', x: 0, y: 0, width: 10, height: 10, background: 'bg.png', line: nodeLine(1) });
    expect(summary(problems).map((problem) => problem.message)).toEqual([
      'node “g”: “label” is “5”, not a string; it is ignored',
      'node “g”: “backgroundStyle” is “stretch”, not a background style; it is ignored',
    ]);
  });

  it('an edge\'s sides, ends, colour and label, each on its own', () => {
    const bad = edge('e', 'a', 'b', { fromSide: 'middle', toSide: 'LEFT', fromEnd: 'circle', toEnd: true, color: 'blue', label: 42 });
    const { canvas, problems } = parseCanvas(canvasText([text('a'), text('b')], [bad]), FILE);
    expect(canvas!.edges).toEqual([{ id: 'e', fromNode: 'a', toNode: 'b', fromEnd: 'none', toEnd: 'arrow', line: edgeLine(2, 0) }]);
    expect(summary(problems)).toEqual(
      [
        'edge “e”: “fromSide” is “middle”, not a side; it is ignored',
        'edge “e”: “toSide” is “LEFT”, not a side; it is ignored',
        'edge “e”: “fromEnd” is “circle”, not an end; it is ignored',
        'edge “e”: “toEnd” is “true”, not an end; it is ignored',
        'edge “e”: “color” is “blue”, not a colour; it is ignored',
        'edge “e”: “label” is “42”, not a string; it is ignored',
      ].map((message) => ({ line: edgeLine(2, 0), message, severity: 'warning' })),
    );
    expect(problems.map((problem) => problem.hint)).toEqual([
      'a side is "top", "right", "bottom" or "left"',
      'a side is "top", "right", "bottom" or "left"',
      'an end is "none" or "arrow"',
      'an end is "none" or "arrow"',
      expect.stringContaining('"1" to "6"'),
      undefined,
    ]);
  });
});

describe('an edge the spec does not allow is left out, with its line', () => {
  const nodes = [text('a'), text('b', { x: 300 })];
  const cases: [string, unknown, string][] = [
    ['not an object', 7, 'edge 1 of “edges” is “7”, not an object; it is left out'],
    ['no id', { fromNode: 'a', toNode: 'b' }, 'edge 1 has no “id”; it is left out'],
    ['no fromNode', { id: 'e', toNode: 'b' }, 'edge “e” has no “fromNode”; it is left out'],
    ['a toNode that is not a string', { id: 'e', fromNode: 'a', toNode: 2 }, 'edge “e”: “toNode” is “2”, not a node id; it is left out'],
    ['a start at a node the canvas does not have', { id: 'e', fromNode: 'zz', toNode: 'b' }, 'edge “e” starts at “zz”, which is not a node of the canvas; it is left out'],
    ['an end at a node the canvas does not have', { id: 'e', fromNode: 'a', toNode: 'zz' }, 'edge “e” ends at “zz”, which is not a node of the canvas; it is left out'],
  ];
  for (const [what, raw, message] of cases) {
    it(`with ${what}`, () => {
      const { canvas, problems } = parseCanvas(canvasText(nodes, [raw, edge('good', 'a', 'b')]), FILE);
      expect(canvas!.edges.map((kept) => kept.id)).toEqual(['good']);
      expect(summary(problems)).toEqual([{ line: edgeLine(2, 0), message, severity: 'warning' }]);
    });
  }

  it('with an id another edge has', () => {
    const { canvas, problems } = parseCanvas(canvasText(nodes, [edge('e', 'a', 'b', { label: 'first' }), edge('e', 'b', 'a')]), FILE);
    expect(canvas!.edges.map((kept) => kept.label)).toEqual(['first']);
    expect(summary(problems)).toEqual([{ line: edgeLine(2, 1), message: `edge id “e” is used again (first on line ${edgeLine(2, 0)}) by another edge; it is left out`, severity: 'warning' }]);
  });

  it('at a node that was itself left out, saying so', () => {
    const { canvas, problems } = parseCanvas(canvasText([text('a'), text('b', { width: -1 })], [edge('e', 'a', 'b')]), FILE);
    expect(canvas!.edges).toEqual([]);
    expect(summary(problems).map((problem) => problem.message)).toEqual([
      'node “b”: “width” is “-1”, not a number above 0; it is left out',
      'edge “e” ends at “b”, a node that is left out (see above); it is left out',
    ]);
  });

  it('from the fixture with one invalid node: the rest of the canvas is kept', () => {
    const { canvas, problems } = parseCanvas(readFileSync(path.join(vault, 'Partly Broken.canvas'), 'utf8'), asVaultPath('Partly Broken.canvas'));
    expect(canvas!.nodes.map((node) => node.id)).toEqual(['keep', 'also-keep']);
    expect(canvas!.edges.map((kept) => kept.id)).toEqual(['keep-to-plan']);
    expect(problems).toEqual([
      {
        rule: 'bad-canvas',
        file: 'Partly Broken.canvas',
        line: 4,
        message: 'node “bad”: “type” is “card”, not a node type; it is left out',
        hint: 'a node is of type "text", "file", "link" or "group"',
        severity: 'warning',
      },
    ]);
  });
});

describe('what a problem shows of the file', () => {
  it('quotes values short, on one line, without control characters', () => {
    const { problems } = withNode(text('n', { type: `evil\u001b[31m\nname${'x'.repeat(100)}` }));
    const message = problems[0]!.message;
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).toContain('“evil [31m name');
    expect(message).toContain('…”');
    expect(message.length).toBeLessThan(140);
  });
});

describe('never throwing', () => {
  it('reads any damaged copy of a canvas without throwing, giving a canvas or an error', () => {
    const original = readFileSync(path.join(vault, 'Map.canvas'), 'utf8');
    // A fixed pseudo-random sequence, so a failure can be repeated.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['', '{', '}', '[', ']', ',', '"', ':', '1', 'null', '"x"', '-', '{"id":3}', '\\', '\n'];
    for (let round = 0; round < 400; round++) {
      let damaged = original;
      for (let cut = 0; cut < 1 + (round % 4); cut++) {
        const at = Math.floor(random() * damaged.length);
        const length = Math.floor(random() * 12);
        damaged = damaged.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + damaged.slice(at + length);
      }
      const result = parseCanvas(damaged, FILE);
      expect(result.canvas !== undefined || result.problems.some((problem) => problem.severity === 'error')).toBe(true);
      for (const problem of result.problems) expect(problem.line, damaged).toBeGreaterThanOrEqual(1);
    }
  });
});
