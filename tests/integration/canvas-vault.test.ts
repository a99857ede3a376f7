import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesOf, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const page = async (slug: string): Promise<Root> => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));
const text = (node: Element | Root | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');
/** A box's place in the picture, from its inline style. */
const boxOf = (node: Element) => Object.fromEntries([...String(node.properties.style).matchAll(/(left|top|width|height):(-?[\d.]+)px/g)].map((m) => [m[1], Number(m[2])]));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/canvas-vault' });
});

describe('canvases, built', () => {
  it('builds, reporting a broken canvas and a canvas’s wrong node with their files and lines, and the rest', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Broken\.canvas:4 +the canvas is not valid JSON: .*\[bad-canvas\]/);
    expect(build.output).toMatch(/Partly Broken\.canvas:4 +node “bad”: “type” is “card”, not a node type; it is left out.*\[bad-canvas\]/);
    expect(build.output).toMatch(/Map\.canvas:11 +\[\[Missing Note\]\]: no note named “Missing Note”; it links to a stub page/);
    expect(build.output).toMatch(/Board\.canvas:7 +\[\[Notes\/Nowhere\.md\]\]: no note named “Notes\/Nowhere”/);
  });

  it('gives each published canvas a page, and none to the one that is not a canvas', async () => {
    const files = await filesOf(build.outDir);
    expect(files.has('map-canvas/index.html')).toBe(true);
    expect(files.has('board-canvas/index.html')).toBe(true);
    expect(files.has('broken-canvas/index.html')).toBe(false);
    const partly = await page('partly-broken-canvas');
    expect(selectAll('.canvas-outline > .canvas-item', partly).map(text)).toEqual([
      expect.stringContaining('This card is fine; it links to Ideas.'),
      expect.stringContaining('Plan'),
    ]);
  });

  it('draws text cards as notes are rendered: headings, wiki-links, callouts, highlights', async () => {
    const map = await page('map-canvas');
    expect(text(select('h1.page-title', map))).toBe('Map');
    const list = select('.canvas-outline', map)!;
    expect(text(select('h1', list))).toBe('Project map');
    expect(select('a[href="/notes/plan/"]', list)).toBeDefined();
    const callout = select('.callout-tip', list)!;
    expect(text(select('.callout-title', callout))).toBe('Keep it small');
    expect(selectAll('a', callout).map((a) => [a.properties.href, text(a)])).toEqual([
      ['/notes/ideas/', 'Ideas'],
      ['/notes/plan/#next-steps', 'step'],
    ]);
    expect(text(select('mark', list))).toBe('highlights');
    expect(select('a.unresolved[href="/stubs/missing-note/"]', list)).toBeDefined();
  });

  it('shows file cards as the note, the section or the image, under a link to it', async () => {
    const list = select('.canvas-outline', await page('map-canvas'))!;
    const files = selectAll('.canvas-item-file', list);
    expect(files.map((item) => select('.canvas-node-name a', item)!.properties.href)).toEqual(['/notes/ideas/', '/notes/plan/#next-steps', '/attachments/Attachments/diagram.png']);
    const [ideas, plan, diagram] = files.map((item) => select('.canvas-item-content', item)!);
    expect(text(ideas)).toContain('Keep the raw data in one bucket.');
    expect(text(plan)).toContain('Sort the Ideas.');
    expect(text(plan)).not.toContain('What happens, in order.');
    expect(select('img', diagram)!.properties.src).toBe('/attachments/Attachments/diagram.png');
    expect((await filesOf(build.outDir)).has('attachments/Attachments/diagram.png')).toBe(true);
  });

  it('shows link cards as links, and groups with their labels and colours', async () => {
    const map = await page('map-canvas');
    expect(select('.canvas-outline a.canvas-link-card', map)!.properties.href).toBe('https://jsoncanvas.org/spec/1.0/');
    const groups = selectAll('.canvas-stage .canvas-group', map);
    expect(groups.map((g) => text(select('.canvas-group-label', g)))).toEqual(['Sources', 'Thinking', 'Open questions']);
    expect(groups.map((g) => /--canvas-color:([^;]+);/.exec(String(g.properties.style))?.[1] ?? null)).toEqual(['var(--canvas-color-5)', '#8a5cf6', null]);
    expect(selectAll('.canvas-outline .canvas-group-name', map).map(text)).toEqual(['Sources', 'Thinking', 'Open questions']);
  });

  it('lays the picture out at the canvas’s own coordinates, edges with their sides, arrows and labels', async () => {
    const map = await page('map-canvas');
    const nodes = selectAll('.canvas-stage .canvas-node', map);
    const title = boxOf(nodes.find((n) => text(n).startsWith('Project map'))!);
    const ideas = boxOf(nodes.find((n) => text(select('.canvas-node-name', n)) === 'Ideas')!);
    // In Map.canvas the title card is at (-200, -300), 560 × 100, and the Ideas card at (-440, -80), 360 × 240.
    expect([title.left! - ideas.left!, title.top! - ideas.top!, title.width, title.height, ideas.width, ideas.height]).toEqual([240, -220, 560, 100, 360, 240]);
    const edges = selectAll('.canvas-edges g.canvas-edge', map);
    expect(edges).toHaveLength(8);
    expect(edges.map((e) => [e.properties.dataFrom, e.properties.dataTo]).slice(0, 3)).toEqual([['bottom', 'top'], ['right', 'left'], ['right', 'left']]);
    // Arrows: one at the end of an edge by default, both ends, none, or the start only.
    expect(edges.map((e) => selectAll('polygon', e).length)).toEqual([1, 1, 2, 0, 1, 1, 1, 1]);
    expect(selectAll('.canvas-edge-label', map).map(text)).toEqual(['overview', 'feeds', 'answered by', 'revisit', 'see the spec']);
    const connections = selectAll('.canvas-outline .canvas-connections li', map).map(text);
    expect(connections).toContain('↔Leads to and from Which storage?');
    expect(connections).toContain('—Connected to One bucket, most likely. (answered by)');
  });

  it('reads without scripts: the list holds every card in reading order, with ids its links reach; the picture is left out of search', async () => {
    const map = await page('map-canvas');
    const items = selectAll('.canvas-outline .canvas-item', map);
    expect(items).toHaveLength(12);
    const name = (item: Element) => text(select(':scope > .canvas-node-name, :scope > .canvas-item-content, :scope > .canvas-group-name', item)).slice(0, 17).trim();
    expect(items.map(name)).toEqual([
      'Project map Every', 'Sources', 'Ideas', 'Plan > Next steps', 'diagram.png', 'Thinking', 'Keep it small Sta', 'Open questions', 'Which storage? Se', 'One bucket, most', 'jsoncanvas.orghtt', 'Last reviewed in',
    ]);
    const ids = new Set(items.map((item) => item.properties.id));
    const targets = selectAll('.canvas-outline a[href^="#"]', map).map((a) => String(a.properties.href).slice(1));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((id) => !ids.has(id))).toEqual([]);
    expect(select('.canvas-viewport', map)!.properties.dataPagefindIgnore).toBe('');
    expect(select('.canvas-stage', map)!.properties.ariaHidden).toBe('true');
    expect(selectAll('.canvas-stage a', map).every((a) => a.properties.tabIndex === -1)).toBe(true);
    expect(selectAll('.canvas-stage [id]', map)).toEqual([]);
  });

  it('embeds a canvas in a note with ids of its own, and a canvas in a canvas', async () => {
    const home = await page('home');
    const figure = select('.embed-note figure.canvas', home)!;
    expect(figure.properties.id).toBe('canvas-map');
    expect(selectAll('.canvas-outline .canvas-item', figure)).toHaveLength(12);
    const board = await page('board-canvas');
    const ids = selectAll('figure.canvas', board).map((f) => f.properties.id);
    expect(ids).toEqual(['canvas-board', undefined, 'canvas-map']);
    expect(new Set(selectAll('[id]', board).map((e) => e.properties.id)).size).toBe(selectAll('[id]', board).length);
  });

  it('counts a canvas’s links: backlinks, hubs, stubs, tags and the graph', async () => {
    const ideas = await page('notes/ideas');
    expect(selectAll('.backlinks .passage-page-title', ideas).map(text)).toEqual(expect.arrayContaining(['Map', 'Board', 'Partly Broken']));
    expect(selectAll('.local-graph a.graph-node', ideas).map((a) => a.properties.href)).toContain('/map-canvas/');
    const hub = await page('services/amazon-s3');
    expect(selectAll('.passage-page-title', hub).map(text)).toContain('Board');
    // The canvas that links, and the pages that embed it: a link in an embedded passage counts for the page that shows it.
    expect(selectAll('.passage-page-title', await page('stubs/missing-note')).map(text)).toEqual(['Board', 'Home', 'Map']);
    expect(selectAll('.passage-page-title', await page('stubs/notes/nowhere')).map(text)).toEqual(['Board']);
    expect(text(await page('tags/canvas-tag'))).toContain('Board');
  });

  it('shows a group’s background image, published with the site', async () => {
    const board = await page('board-canvas');
    const backdrop = select('.canvas-stage .canvas-group', board)!;
    expect(backdrop.properties.className).toContain('canvas-background-ratio');
    expect(String(backdrop.properties.style)).toContain('--canvas-background:url("/attachments/Attachments/diagram.png");');
  });

  it('never shows a private note on a canvas: its card is its name as text', async () => {
    const board = await page('board-canvas');
    const secret = selectAll('.canvas-outline .canvas-item-file', board).find((item) => text(item).includes('Secret Plan'))!;
    expect(select('a', secret)).toBeUndefined();
    for (const [file, bytes] of await filesOf(build.outDir)) {
      if (/\.(html|json|xml|txt)$/.test(file)) expect(bytes.toString('utf8'), file).not.toContain('PRIVATE-CANVAS-MARKER');
    }
  });

  it('leaves no broken link or fragment in the site', async () => {
    expect((await checkLinks(build.outDir)).broken).toEqual([]);
  });
});
