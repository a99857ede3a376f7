import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../../src/vault/canvas/index.ts';
import { canvasLinks } from '../../../src/vault/canvas/links.ts';
import { fileLabel, nodeName } from '../../../src/vault/canvas/names.ts';
import { parseCanvas } from '../../../src/vault/canvas/parse.ts';
import type { Canvas, CanvasNode } from '../../../src/vault/canvas/types.ts';
import { asVaultPath } from '../../../src/vault/types.ts';

const vault = path.join(import.meta.dirname, '..', '..', 'fixtures', 'canvas-vault');
const fixture = () => parseCanvas(readFileSync(path.join(vault, 'Map.canvas'), 'utf8'), asVaultPath('Map.canvas')).canvas as Canvas;

describe('the canvas module', () => {
  it('exposes the public API: parse, lay out, render, and the links', () => {
    expect(Object.keys(api).sort()).toEqual(['canvasLinks', 'fileLabel', 'layoutCanvas', 'nodeName', 'parseCanvas', 'readingOrder', 'renderCanvas']);
  });
});

describe('the links a canvas makes', () => {
  it('are the text nodes\' Markdown, the file nodes\' files with their headings, and the link nodes\' addresses, each with its line', () => {
    const links = canvasLinks(fixture());
    expect(links.markdown.map(({ node, line }) => [node, line])).toEqual([
      ['t-title', 6],
      ['t-callout', 10],
      ['t-question', 11],
      ['t-answer', 12],
      ['t-footer', 14],
    ]);
    expect(links.markdown[1]!.text).toBe('> [!tip] Keep it small\n> Start from [[Ideas]] and take the first [[Plan#Next steps|step]].');
    expect(links.files).toEqual([
      { node: 'f-ideas', file: 'Notes/Ideas.md', line: 7 },
      { node: 'f-plan-next', file: 'Notes/Plan.md', subpath: '#Next steps', line: 8 },
      { node: 'f-diagram', file: 'Attachments/diagram.png', line: 9 },
    ]);
    expect(links.urls).toEqual([{ node: 'l-spec', url: 'https://jsoncanvas.org/spec/1.0/', line: 13 }]);
    expect(links.backgrounds).toEqual([]);
  });

  it('include a group\'s background image', () => {
    const canvas: Canvas = {
      file: asVaultPath('B.canvas'),
      nodes: [{ id: 'g', type: 'group', x: 0, y: 0, width: 10, height: 10, background: 'Images/paper.png', line: 3 }],
      edges: [],
    };
    expect(canvasLinks(canvas).backgrounds).toEqual([{ node: 'g', file: 'Images/paper.png', line: 3 }]);
  });

  it('leave out what the canvas left out: a node that did not validate links to nothing', () => {
    const { canvas } = parseCanvas(readFileSync(path.join(vault, 'Partly Broken.canvas'), 'utf8'), asVaultPath('Partly Broken.canvas'));
    const links = canvasLinks(canvas!);
    expect(links.markdown.map((link) => link.node)).toEqual(['keep']);
    expect(links.files.map((link) => link.file)).toEqual(['Notes/Plan.md']);
  });
});

describe('a node\'s short name', () => {
  const text = (value: string): CanvasNode => ({ id: 'n', type: 'text', x: 0, y: 0, width: 1, height: 1, text: value, line: 1 });
  const cases: [string, string][] = [
    ['# Project map\nMore', 'Project map'],
    ['> [!tip] Keep it small\n> body', 'Keep it small'],
    ['> [!note]\n> The body', 'The body'],
    ['- [ ] **Buy** milk', 'Buy milk'],
    ['See [[Plan#Next steps|the step]] and [[Ideas#Storage]]', 'See the step and Ideas > Storage'],
    ['[Spec](https://jsoncanvas.org) ==now==', 'Spec now'],
    ['%% private note %%\nPublic line', 'Public line'],
    ['%% private\nover lines %%Visible', 'Visible'],
    ['```js\nconst x = 1;\n```\nAfter the code', 'After the code'],
    ['---\n\n| a | b |\n|---|---|', 'a b'],
    ['', 'Empty card'],
    [`${'word '.repeat(30)}`, `${'word '.repeat(12).trim()}…`],
  ];
  for (const [markdown, name] of cases) {
    it(`of a text node ${JSON.stringify(markdown.slice(0, 30))} is “${name}”`, () => {
      expect(nodeName(text(markdown))).toBe(name);
    });
  }

  it('of a file node is the file\'s name, as Obsidian shows it, with the heading or block', () => {
    expect(fileLabel('Notes/Plan.md')).toBe('Plan');
    expect(fileLabel('Notes/Plan.md', '#Next steps')).toBe('Plan > Next steps');
    expect(fileLabel('Notes/Plan.md', '#Part#Sub')).toBe('Plan > Part > Sub');
    expect(fileLabel('Notes/Plan.md', '#^block-1')).toBe('Plan > block-1');
    expect(fileLabel('Attachments/diagram.png')).toBe('diagram.png');
  });

  it('of a link node is its address without the scheme, and of a group its label', () => {
    expect(nodeName({ id: 'l', type: 'link', x: 0, y: 0, width: 1, height: 1, url: 'https://www.example.org/', line: 1 })).toBe('example.org');
    expect(nodeName({ id: 'g', type: 'group', x: 0, y: 0, width: 1, height: 1, label: ' Sources ', line: 1 })).toBe('Sources');
    expect(nodeName({ id: 'g', type: 'group', x: 0, y: 0, width: 1, height: 1, line: 1 })).toBe('Group');
  });
});
