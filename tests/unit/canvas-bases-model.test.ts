import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/vault/build-vault.ts';
import { buildLinkIndex } from '../../src/vault/link-index.ts';
import type { PreparedPart } from '../../src/vault/prepare/types.ts';
import { finishText, finishTree, type PartJob } from '../../src/vault/stages/finish/finish-part.ts';
import { linkRenderer } from '../../src/vault/stages/finish/link-renderings.ts';
import { partLookups } from '../../src/vault/stages/finish/part-lookups.ts';
import { placeBases } from '../../src/vault/stages/finish/place-bases.ts';
import { placeCanvases } from '../../src/vault/stages/finish/place-canvases.ts';
import { vaultUrlResolver } from '../../src/vault/stages/finish/vault-urls.ts';
import type { FinishedNotes } from '../../src/vault/stages/types.ts';
import type { SourceFile, VaultFiles, VaultPath } from '../../src/vault/index.ts';

const file = (path: string, text: string): SourceFile => ({ path: path as VaultPath, text });
const vaultOf = (files: SourceFile[], extra: Partial<VaultFiles> = {}): VaultFiles => ({ notes: [...files].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], ...extra });
const canvas = (nodes: object[], edges: object[] = []) => `{\n"nodes":[\n${nodes.map((node) => JSON.stringify(node)).join(',\n')}\n],\n"edges":[${edges.map((edge) => JSON.stringify(edge)).join(',')}]\n}\n`;
const box = { x: 0, y: 0, width: 200, height: 100 };

describe('a canvas in the model', () => {
  const files = vaultOf(
    [
      file('Map.canvas', canvas([
        { id: 'a', type: 'text', ...box, text: 'Read [[A]]. #mapped\n\n![[B]]' },
        { id: 'b', type: 'file', ...box, x: 300, file: 'A.md', subpath: '#Head' },
        { id: 'c', type: 'group', ...box, y: 300, background: 'img.png' },
        { id: 'd', type: 'link', ...box, x: 600, url: 'https://example.com/' },
      ])),
      file('A.md', '# A\n\n## Head\n\nText of A.\n'),
      file('B.md', 'Text of B.\n'),
    ],
    { attachments: ['img.png' as VaultPath] },
  );

  it('is a page whose text cards’ links, file cards and group backgrounds are numbered links, each on its node’s line', () => {
    const { numbered, resolved, addresses } = runStages(files);
    const links = numbered.links.filter((link) => link.from === 'Map.canvas');
    expect(links.map((link) => [link.raw, link.line, link.embed ?? null])).toEqual([
      ['A', 3, null],
      ['B', 3, { inline: false }],
      ['A.md#Head', 4, { inline: false }],
      ['img.png', 5, { inline: false }],
    ]);
    expect(links.map((link) => resolved.resolutions[link.index])).toEqual([
      { kind: 'page', note: 'A.md', slug: 'a' },
      { kind: 'page', note: 'B.md', slug: 'b' },
      { kind: 'page', note: 'A.md', slug: 'a', fragment: 'head' },
      { kind: 'attachment', path: 'img.png' },
    ]);
    expect(addresses.slugs.get('Map.canvas' as VaultPath)).toEqual(['map-canvas']);
    const map = numbered.byPath.get('Map.canvas' as VaultPath)!;
    expect([map.title, map.format, map.parts[0]!.tags, map.parts[0]!.headings]).toEqual(['Map', 'canvas', ['mapped'], []]);
  });

  it('is finished with its cards filled in, the file’s section embedded, and the background a style', () => {
    const { finished, numbered } = runStages(files);
    const tree = fromHtml(finished.parts.get(numbered.byPath.get('Map.canvas' as VaultPath)!.parts[0]!)!.html, { fragment: true });
    const list = select('.canvas-outline', tree)!;
    expect(selectAll('.canvas-item-text a', list).map((a) => [a.properties.href, toString(a)])).toEqual([['/a/', 'A'], ['/tags/mapped/', '#mapped'], ['/b/', 'B']]);
    expect(toString(select('.canvas-item-text .embed-content', list)!)).toBe('Text of B.');
    const fileCard = select('.canvas-item-file', list)!;
    expect(select('.canvas-node-name a', fileCard)!.properties.href).toBe('/a/#head');
    expect(toString(select('.embed-content', fileCard)!).replace(/\s+/g, ' ')).toBe('Head Text of A.');
    expect(String(select('.canvas-stage .canvas-group', tree)!.properties.style)).toContain('--canvas-background:url("/attachments/img.png");');
    expect([...finished.attachments]).toContain('img.png');
  });

  it('is not published when it is not a canvas, and says why; in a private folder it is not read', () => {
    const { published, problems } = runStages(vaultOf([file('Bad.canvas', '{"nodes": [}'), file('Private/Hidden.canvas', '{"nodes": [}'), file('Note.md', 'Text.\n')]), { privateFolders: ['Private'] });
    expect(published.counts).toEqual({ read: 3, published: 1, private: 1, unreadable: 1 });
    expect(problems).toEqual([expect.objectContaining({ rule: 'bad-canvas', file: 'Bad.canvas', line: 1, severity: 'error' })]);
  });

  it('keeps its cards’ ids apart, each card’s links reaching its own', () => {
    const stages = runStages(vaultOf([file('Words.canvas', canvas([{ id: 'a', type: 'text', ...box, text: 'See [[Note]] and [[Missing]][^1].\n\n[^1]: A footnote.' }, { id: 'b', type: 'text', ...box, x: 300, text: 'Again[^1].\n\n[^1]: Another.' }])), file('Note.md', 'Text.\n')]));
    const { site, numbered, resolved, addresses, published, gathered, hubs } = stages;
    const vaultUrl = vaultUrlResolver({ site, notes: buildLinkIndex(published.linkable.filter((n) => n.published)), privateNotes: buildLinkIndex(published.linkable.filter((n) => !n.published)), attachments: buildLinkIndex([]), addresses });
    const lookups = partLookups({ site, numbered, resolved, addresses, renderingOf: linkRenderer(site, gathered, hubs), vaultUrl });
    const note = numbered.byPath.get('Words.canvas' as VaultPath)!;
    const job: PartJob = { note, index: 0, part: note.parts[0]!, slug: addresses.slugs.get(note.path)![0]!, offset: numbered.offsets.get(note.path)!, links: numbered.linksByPart.get(note.path)![0]!, sections: new Map() };
    // The picture's links are kept out of the tab order, so the part is finished from its tree.
    expect(finishText(job, lookups)).toBeUndefined();
    const tree = fromHtml(finishTree(job, lookups).html, { fragment: true });
    const ids = selectAll('.canvas-outline [id]', tree).map((e) => String(e.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of selectAll('.canvas-outline a[href^="#"]', tree)) expect(ids).toContain(String(ref.properties.href).slice(1));
  });
});

describe('placing canvases', () => {
  const figure = (prefix: string): Element =>
    select('figure', fromHtml(`<figure data-canvas="${prefix}"><div class="canvas-viewport"><div class="canvas-stage"><a href="/x/">x</a><p id="kept">y</p></div></div><p class="canvas-switch"><a href="#${prefix}-list">list</a></p><ol class="canvas-outline"><li class="canvas-item" data-canvas-node="3"><a href="#${prefix}-3">self</a></li></ol></figure>`, { fragment: true }))!;

  it('gives each canvas of a page ids of its own, and keeps the picture quiet', () => {
    const tree: Root = { type: 'root', children: [figure('canvas-map'), figure('canvas-map')] };
    placeCanvases(tree);
    const [first, second] = selectAll('figure', tree);
    expect([first!.properties.id, second!.properties.id]).toEqual(['canvas-map', 'canvas-map-2']);
    expect(selectAll('.canvas-outline, .canvas-item, .canvas-viewport', second!).map((e) => e.properties.id)).toEqual(['canvas-map-2-picture', 'canvas-map-2-list', 'canvas-map-2-3']);
    expect(selectAll('.canvas-switch a, .canvas-item a', second!).map((a) => a.properties.href)).toEqual(['#canvas-map-2-list', '#canvas-map-2-3']);
    expect(select('.canvas-stage a', second!)!.properties.tabIndex).toBe(-1);
    expect(select('.canvas-stage p', second!)!.properties.id).toBeUndefined();
  });
});

describe('bases in the model', () => {
  const block = (yaml: string) => `# Index\n\nIntro.\n\n\`\`\`base\n${yaml}\n\`\`\`\n\nAfter.\n`;
  const books = [
    file('Books/Alpha.md', '---\ntags: [book]\npages: 10\n---\nSee [[Beta]] and [[Secret]].\n'),
    file('Books/Beta.md', '---\ntags: [book]\npages: 20\n---\nText.\n'),
    file('Books/Secret.md', '---\ntags: [book]\npublish: false\npages: 99\n---\nSECRET-MARKER\n'),
  ];

  it('a base block becomes a placeholder, with its YAML and the line it starts on', () => {
    const { numbered } = runStages(vaultOf([file('Index.md', block('views:\n  - type: list\n    name: All'))]));
    const part = numbered.byPath.get('Index.md' as VaultPath)!.parts[0]!;
    expect(part.bases).toEqual([{ key: 'Index.md:6', text: 'views:\n  - type: list\n    name: All', firstLine: 6 }]);
    expect(part.body.map((chunk) => chunk.html).join('')).toContain('<div data-quire-base="Index.md:6"></div>');
  });

  it('is evaluated over the published notes only, with their links resolved as the vault resolves them', () => {
    const yaml = 'filters: file.hasTag("book")\nviews:\n  - type: table\n    name: Books\n    order: [file.name, pages, file.links, file.backlinks]';
    const { finished, numbered, bases } = runStages(vaultOf([...books, file('Index.md', block(yaml))]));
    const html = finished.parts.get(numbered.byPath.get('Index.md' as VaultPath)!.parts[0]!)!.html;
    const rows = selectAll('tbody tr', fromHtml(html, { fragment: true })).map((row) => selectAll('td', row).map((td) => toString(td)));
    expect(rows).toEqual([['Alpha', '10', 'Beta', ''], ['Beta', '20', '', 'Alpha']]);
    expect(html).not.toMatch(/Secret|SECRET/);
    expect(html.indexOf('Intro.')).toBeLessThan(html.indexOf('class="base"'));
    expect(html.indexOf('class="base"')).toBeLessThan(html.indexOf('After.'));
    expect(bases.problems).toEqual([]);
  });

  it('reports a mistake with the note, the line in it, the view and the expression', () => {
    const yaml = 'views:\n  - type: table\n    name: Broken\n    filters: file.hasTag(\n';
    const { problems } = runStages(vaultOf([...books, file('Index.md', block(yaml))]));
    expect(problems).toEqual([expect.objectContaining({ rule: 'bad-base', file: 'Index.md', line: 9, message: expect.stringMatching(/^view “Broken”: filter `file.hasTag\(`/) })]);
  });

  it('reports a base Quire fails on, shows why, and builds the rest', () => {
    const deep = `${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
    const { problems, finished, numbered } = runStages(vaultOf([...books, file('Index.md', block(`filters: "${deep}"\nviews:\n  - type: table`))]));
    expect(problems).toEqual([expect.objectContaining({ rule: 'bad-base', file: 'Index.md', line: 6, message: 'Quire could not evaluate this base: an expression in it is nested too deeply; it is not shown' })]);
    const html = finished.parts.get(numbered.byPath.get('Index.md' as VaultPath)!.parts[0]!)!.html;
    expect(html).toContain('Quire cannot read this base');
    expect(html).toContain('After.');
  });

  it('a base file is a page whose body is its base', () => {
    const { addresses, finished, numbered } = runStages(vaultOf([...books, file('Shelf.base', 'views:\n  - type: list\n    name: Everything\n    filters: file.inFolder("Books")\n')]));
    expect(addresses.pages.get('Shelf.base' as VaultPath)).toEqual([{ title: 'Shelf', slug: 'shelf-base', href: '/shelf-base/' }]);
    const html = finished.parts.get(numbered.byPath.get('Shelf.base' as VaultPath)!.parts[0]!)!.html;
    expect(selectAll('.base-list > li > a', fromHtml(html, { fragment: true })).map((a) => toString(a))).toEqual(['Alpha', 'Beta']);
  });

  it('placing a base moves where a section lists its services with the text before it', () => {
    const part = {} as PreparedPart;
    const placeholder = '<div data-quire-base="A.md:3"></div>';
    const finished: FinishedNotes = {
      parts: new Map([[part, { html: `<p>a</p>${placeholder}<h2>b</h2><p>c</p>`, sectionServices: [{ at: 8, services: [] }, { at: 8 + placeholder.length + '<h2>b</h2>'.length, services: [] }], links: [], problems: [], attachments: [] }]]),
      problems: [],
      attachments: new Set(),
    };
    const placed = placeBases(finished, { byPlaceholder: new Map([[placeholder, '<div class="base">BASE</div>']]), attachments: new Set(['cover.png' as VaultPath]), problems: [] });
    const done = placed.parts.get(part)!;
    expect(done.html).toBe('<p>a</p><div class="base">BASE</div><h2>b</h2><p>c</p>');
    expect(done.sectionServices.map((s) => done.html.slice(0, s.at))).toEqual(['<p>a</p>', '<p>a</p><div class="base">BASE</div><h2>b</h2>']);
    expect([...placed.attachments]).toEqual(['cover.png']);
  });
});
