import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { layoutCanvas, type CanvasLayout } from '../../../src/vault/canvas/layout.ts';
import { parseCanvas } from '../../../src/vault/canvas/parse.ts';
import { renderCanvas, type CanvasRenderOptions } from '../../../src/vault/canvas/render.ts';
import type { Canvas, CanvasEdge, CanvasNode } from '../../../src/vault/canvas/types.ts';
import { asVaultPath } from '../../../src/vault/types.ts';

const vault = path.join(import.meta.dirname, '..', '..', 'fixtures', 'canvas-vault');

function fixtureLayout(): CanvasLayout {
  const { canvas } = parseCanvas(readFileSync(path.join(vault, 'Map.canvas'), 'utf8'), asVaultPath('Map.canvas'));
  return layoutCanvas(canvas as Canvas);
}

/** A stand-in for the model's rendering: a text node's Markdown as a paragraph with a heading id and a link, a file node as its path. */
const content: CanvasRenderOptions['content'] = (node) =>
  node.type === 'text'
    ? [h('p', { id: `heading-${node.id}` }, [node.text.split('\n')[0]!, ' ', h('a', { href: `/to/${node.id}/`, className: ['internal'] }, 'link')])]
    : [h('p', { className: ['file-stand-in'] }, `${node.file}${node.subpath ?? ''}`)];

const options = (extra: Partial<CanvasRenderOptions> = {}): CanvasRenderOptions => ({ title: 'Map', idPrefix: 'canvas-map', content, ...extra });
const render = (layout = fixtureLayout(), extra: Partial<CanvasRenderOptions> = {}) => renderCanvas(layout, options(extra));

/** The declarations of an element's style attribute. */
const styleOf = (element: Element | undefined): Record<string, string> =>
  Object.fromEntries(
    String(element?.properties.style ?? '')
      .split(';')
      .filter(Boolean)
      .map((declaration) => {
        const colon = declaration.indexOf(':');
        return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()];
      }),
  );
const card = (id: string, x: number, y: number, extra: Partial<CanvasNode> = {}): CanvasNode => ({ id, type: 'text', x, y, width: 200, height: 100, text: id, line: 1, ...extra }) as CanvasNode;
const edge = (fromNode: string, toNode: string, extra: Partial<CanvasEdge> = {}): CanvasEdge => ({ id: `${fromNode}-${toNode}`, fromNode, toNode, fromEnd: 'none', toEnd: 'arrow', line: 1, ...extra });
const small = (nodes: CanvasNode[], edges: CanvasEdge[] = []) => layoutCanvas({ file: asVaultPath('Small.canvas'), nodes, edges });

describe('the figure', () => {
  it('carries the canvas\'s size for the stylesheet to scale it by', () => {
    const layout = fixtureLayout();
    const figure = render(layout);
    expect(figure.tagName).toBe('figure');
    expect(figure.properties.className).toEqual(['canvas']);
    expect(figure.properties.dataCanvas).toBe(figure.properties.id);
    expect(styleOf(figure)).toEqual({ '--canvas-w': `${layout.bounds.width}px`, '--canvas-h': `${layout.bounds.height}px` });
  });

  it('holds the picture, the links between the two views, and the list, in that order', () => {
    const figure = render();
    const kinds = figure.children.map((child) => (child as Element).properties.className);
    expect(kinds).toEqual([['canvas-viewport'], ['canvas-switch'], ['canvas-outline']]);
    expect(selectAll('.canvas-switch a', figure).map((a) => [a.properties.href, toString(a)])).toEqual([
      ['#canvas-map-list', 'Read the cards one by one'],
      ['#canvas-map-picture', 'See the canvas as a picture'],
    ]);
  });

  it('says so for a canvas with nothing on it', () => {
    const figure = render(small([]));
    expect(toString(figure)).toBe('This canvas is empty.');
    expect(select('.canvas-viewport', figure)).toBeUndefined();
  });
});

describe('the picture', () => {
  it('places each node at its own coordinates, from the corner of the canvas\'s box', () => {
    // One card at (100, 50): the box starts 24px (the margin) above and to its left.
    const [single] = selectAll('.canvas-node', render(small([card('a', 100, 50)])));
    expect(styleOf(single)).toEqual({ left: '24px', top: '24px', width: '200px', height: '100px' });

    const layout = fixtureLayout();
    const figure = render(layout);
    const boxes = selectAll('.canvas-stage > .canvas-group, .canvas-stage > .canvas-node', figure);
    // Groups first, then the other nodes, each in the file's order.
    const order = [...layout.nodes.filter((p) => p.node.type === 'group'), ...layout.nodes.filter((p) => p.node.type !== 'group')];
    expect(boxes).toHaveLength(order.length);
    order.forEach((placed, i) => {
      expect(styleOf(boxes[i])).toMatchObject({
        left: `${placed.node.x - layout.bounds.x}px`,
        top: `${placed.node.y - layout.bounds.y}px`,
        width: `${placed.node.width}px`,
        height: `${placed.node.height}px`,
      });
    });
  });

  it('draws groups, then the edges, then the other nodes, then the edge labels', () => {
    const stage = select('.canvas-stage', render())!;
    const layers = stage.children.map((child) => String((child as Element).properties.className));
    const first = (name: string) => layers.indexOf(name);
    const last = (name: string) => layers.lastIndexOf(name);
    expect(last('canvas-group')).toBeLessThan(first('canvas-edges'));
    expect(first('canvas-edges')).toBeLessThan(first('canvas-node,canvas-node-text'));
    expect(Math.max(last('canvas-node,canvas-node-text'), last('canvas-node,canvas-node-file'), last('canvas-node,canvas-node-link'))).toBeLessThan(first('canvas-edge-label'));
  });

  it('writes group labels, and colours as custom properties: presets as theme variables, hex as written', () => {
    const figure = render();
    const groups = selectAll('.canvas-group', figure);
    expect(groups.map((group) => toString(group))).toEqual(['Sources', 'Thinking', 'Open questions']);
    expect(groups.map((group) => styleOf(group)['--canvas-color'])).toEqual(['var(--canvas-color-5)', '#8a5cf6', undefined]);
    const question = selectAll('.canvas-node-text', figure).find((node) => toString(node).startsWith('Which'));
    expect(styleOf(question)['--canvas-color']).toBe('var(--canvas-color-1)');
  });

  it('draws each edge as a curve in one inline SVG, with an arrow head per arrow end, in the edge\'s colour', () => {
    const layout = fixtureLayout();
    const svg = select('svg.canvas-edges', render(layout))!;
    const { x, y, width, height } = layout.bounds;
    expect(svg.properties).toMatchObject({ viewBox: `${x} ${y} ${width} ${height}`, ariaHidden: 'true' });
    const edges = selectAll('g.canvas-edge', svg);
    expect(edges).toHaveLength(layout.edges.length);
    edges.forEach((group, i) => {
      const placed = layout.edges[i]!;
      expect(selectAll('path', group)).toHaveLength(1);
      expect(selectAll('polygon', group)).toHaveLength(Number(placed.edge.fromEnd === 'arrow') + Number(placed.edge.toEnd === 'arrow'));
      expect(group.properties).toMatchObject({ dataFrom: placed.fromSide, dataTo: placed.toSide });
      // The path starts where the layout's line starts.
      expect(String(select('path', group)!.properties.d)).toMatch(new RegExp(`^M${placed.curve.start.x},${placed.curve.start.y} C`));
    });
    const colours = edges.map((group) => styleOf(group)['--canvas-color']);
    expect(colours).toEqual(layout.edges.map((placed) => (placed.edge.color ? (placed.edge.color.startsWith('#') ? placed.edge.color : `var(--canvas-color-${placed.edge.color})`) : undefined)));
    expect(colours).toContain('#e67e22');
  });

  it('puts each edge label at the middle of its curve', () => {
    const layout = fixtureLayout();
    const labels = selectAll('.canvas-edge-label', render(layout));
    const labelled = layout.edges.filter((placed) => placed.edge.label);
    expect(labels.map((label) => toString(label))).toEqual(['overview', 'feeds', 'answered by', 'revisit', 'see the spec']);
    labels.forEach((label, i) => {
      const at = labelled[i]!.labelAt!;
      expect(parseFloat(styleOf(label).left!)).toBeCloseTo(at.x - layout.bounds.x, 1);
      expect(parseFloat(styleOf(label).top!)).toBeCloseTo(at.y - layout.bounds.y, 1);
    });
  });

  it('shows a link node as a card with its address, opening in a new tab, never an iframe', () => {
    const figure = render();
    const cardLink = select('.canvas-node-link a.canvas-link-card', figure)!;
    expect(cardLink.properties).toMatchObject({ href: 'https://jsoncanvas.org/spec/1.0/', target: '_blank', rel: ['noopener', 'noreferrer'] });
    expect(toString(select('.canvas-link-host', cardLink)!)).toBe('jsoncanvas.org');
    expect(toString(select('.canvas-link-url', cardLink)!)).toBe('https://jsoncanvas.org/spec/1.0/');
    expect(selectAll('iframe', figure)).toEqual([]);
  });

  it('does not link a link node whose address is not a web or mail address', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'not a url']) {
      const figure = render(small([{ id: 'l', type: 'link', x: 0, y: 0, width: 200, height: 100, url, line: 1 }]));
      expect(selectAll('a.canvas-link-card', figure), url).toEqual([]);
      expect(toString(select('.canvas-node-link .canvas-link-url', figure)!)).toBe(url);
    }
  });

  it('shows a file node\'s name above it, linked where the model gives an address', () => {
    const linked = render(fixtureLayout(), { fileHref: (node) => `/notes/${node.file}/` });
    const names = selectAll('.canvas-node-file > .canvas-node-name', linked);
    expect(names.map((name) => toString(name))).toEqual(['Ideas', 'Plan > Next steps', 'diagram.png']);
    expect(select('a', names[1]!)!.properties).toMatchObject({ href: '/notes/Notes/Plan.md/', className: ['internal'] });
    expect(selectAll('.canvas-node-file > .canvas-node-name a', render())).toEqual([]);
  });

  it('shows the content the model gives for text and file nodes, asking once per node', () => {
    const asked: string[] = [];
    const figure = render(fixtureLayout(), { content: (node) => (asked.push(node.id), content(node)) });
    expect(asked.sort()).toEqual(['f-diagram', 'f-ideas', 'f-plan-next', 't-answer', 't-callout', 't-footer', 't-question', 't-title']);
    expect(selectAll('.canvas-node-file .file-stand-in', figure).map((p) => toString(p))).toEqual(['Notes/Ideas.md', 'Notes/Plan.md#Next steps', 'Attachments/diagram.png']);
  });

  it('is one named group to assistive technology and left out of search, its drawing hidden and its links out of the tab order, with no ids', () => {
    const viewport = select('.canvas-viewport', render())!;
    expect(viewport.properties).toMatchObject({ role: 'group', tabIndex: 0, id: 'canvas-map-picture', dataPagefindIgnore: '' });
    expect(viewport.properties.ariaLabel).toBe('Map: a canvas of 9 cards and 8 connections, drawn; its cards follow as a list');
    const stage = select('.canvas-stage', viewport)!;
    expect(stage.properties.ariaHidden).toBe('true');
    const links = selectAll('a', stage);
    expect(links.length).toBeGreaterThan(5);
    for (const a of links) expect(a.properties.tabIndex).toBe(-1);
    expect(selectAll('[id]', stage)).toEqual([]);
  });

  it('paints a group\'s background image from the address the model gives, quoted for CSS', () => {
    const withBackground = small([{ id: 'g', type: 'group', x: 0, y: 0, width: 300, height: 300, background: 'Images/bg.png', backgroundStyle: 'repeat', line: 1 }]);
    const group = select('.canvas-group', render(withBackground, { backgroundHref: () => '/attachments/Images/b"g\\.png' }))!;
    expect(group.properties.className).toEqual(['canvas-group', 'canvas-background-repeat']);
    expect(styleOf(group)['--canvas-background']).toBe('url("/attachments/Images/b\\"g\\\\.png")');
    expect(styleOf(select('.canvas-group', render(withBackground))!)['--canvas-background']).toBeUndefined();
  });

  it('writes what a canvas says as text, never as markup', () => {
    const hostile = small(
      [card('a', 0, 0), { id: 'g', type: 'group', x: -50, y: -50, width: 400, height: 400, label: '<img src=x onerror=alert(1)>', line: 1 }],
      [edge('a', 'a', { label: '</span><script>alert(1)</script>' })],
    );
    const html = toHtml(render(hostile));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;/span>&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('the list', () => {
  const itemIds = (list: Element): unknown[] =>
    (list.children.filter((child) => child.type === 'element') as Element[]).map((li) => {
      const nested = select(':scope > ol.canvas-outline-group', li);
      return nested ? [li.properties.id, itemIds(nested)] : li.properties.id;
    });

  it('holds every node in reading order, a group\'s nodes in a list of their own, each with an id to link to', () => {
    const layout = fixtureLayout();
    const list = select('ol.canvas-outline', render(layout))!;
    const id = (nodeId: string) => `canvas-map-${layout.nodes.findIndex((placed) => placed.node.id === nodeId)}`;
    expect(list.properties).toMatchObject({ id: 'canvas-map-list', ariaLabel: 'Map, card by card' });
    expect(itemIds(list)).toEqual([
      id('t-title'),
      [id('g-sources'), [id('f-ideas'), id('f-plan-next'), id('f-diagram')]],
      [id('g-thinking'), [id('t-callout'), [id('g-questions'), [id('t-question'), id('t-answer')]]]],
      id('l-spec'),
      id('t-footer'),
    ]);
  });

  it('keeps the content as the model gave it, ids and tab order included', () => {
    const list = select('ol.canvas-outline', render())!;
    const link = select('.canvas-item-text a.internal', list)!;
    expect(link.properties.tabIndex).toBeUndefined();
    expect(select('#heading-t-title', list)).toBeDefined();
    expect(toString(select('.canvas-item-group > .canvas-group-name', list)!)).toBe('Sources');
    expect(selectAll('.canvas-item-link a.canvas-link-card', list)).toHaveLength(1);
  });

  it('says what each node is connected to, which way, and with what label, linking to it', () => {
    const layout = fixtureLayout();
    const list = select('ol.canvas-outline', render(layout))!;
    const connectionsOf = (nodeId: string) => {
      const item = select(`#canvas-map-${layout.nodes.findIndex((placed) => placed.node.id === nodeId)}`, list)!;
      return selectAll(':scope > .canvas-connections > li', item).map((li) => toString(li));
    };
    expect(connectionsOf('t-question')).toEqual(['↔Leads to and from Plan > Next steps', '—Connected to One bucket, most likely. (answered by)']);
    expect(connectionsOf('t-answer')).toEqual(['—Connected to Which storage? (answered by)', '←Comes from Last reviewed in March; highlights work too. (revisit)']);
    expect(connectionsOf('l-spec')).toEqual(['←Comes from Last reviewed in March; highlights work too.', '←Comes from Project map (see the spec)']);
    expect(connectionsOf('t-footer')).toEqual(['→Leads to jsoncanvas.org/spec/1.0', '→Leads to One bucket, most likely. (revisit)']);
    const toAnswer = selectAll('.canvas-connections a', list).find((a) => toString(a) === 'One bucket, most likely.')!;
    expect(toAnswer.properties.href).toBe(`#canvas-map-${layout.nodes.findIndex((placed) => placed.node.id === 't-answer')}`);
  });

  it('makes ids from a prefix that is safe to use as one', () => {
    const figure = render(small([card('a', 0, 0)]), { idPrefix: 'canvas Map/1' });
    expect(figure.properties.id).toBe('canvas-Map-1');
    expect(select('li.canvas-item', figure)!.properties.id).toBe('canvas-Map-1-0');
  });
});

describe('the same content in both views', () => {
  it('shows every text and file node\'s content in the picture and in the list', () => {
    const figure = render();
    const inPicture = selectAll('.canvas-node-content', figure).map((node) => toString(node));
    const inList = selectAll('.canvas-item-content', figure).map((node) => toString(node));
    expect(inPicture.sort()).toEqual(inList.sort());
    expect(inPicture).toHaveLength(9);
  });

  it('does not share nodes between the views, so changing one leaves the other', () => {
    const shared: ElementContent = h('p', 'shared');
    const figure = render(small([card('a', 0, 0)]), { content: () => [shared] });
    const [inPicture, inList] = selectAll('p', figure).filter((p) => toString(p) === 'shared');
    expect(inPicture).not.toBe(inList);
  });
});
