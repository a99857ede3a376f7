import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const html = (slug: string) => readFile(path.join(build.outDir, slug, 'index.html'), 'utf8');
const page = async (slug: string) => fromHtml(await html(slug));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/conformance-vault' });
});

/** One vault that uses every Obsidian feature Quire renders, built for real. */
describe('the conformance vault', () => {
  it('builds, with every note accounted for', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('Quire: 12 notes read: 10 published, 2 private, 0 unreadable');
  });

  it('applies the properties: title, tags as a comma string, cssclasses, description and dates', async () => {
    const index = await html('index');
    expect(index).toContain('<title>Conformance index · conformance-vault</title>');
    expect(index).toContain('<meta name="description" content="Every Obsidian feature Quire renders, in one vault.">');
    expect(index).toMatch(/<body class="wide-page">/);
    expect(index).toContain('Written <time datetime="2026-01-05T00:00:00.000Z">2026-01-05</time> · Updated <time datetime="2026-02-10T00:00:00.000Z">2026-02-10</time>');
    const tags = selectAll('.page-tags a', await page('index')).map((a) => toString(a));
    expect(tags).toEqual(['#reference', '#obsidian/syntax', '#status/active']);
  });

  it('resolves links to two notes of one name in different folders, a nasty name, a chapter heading and an alias', async () => {
    const links = Object.fromEntries(selectAll('.note-body a.internal', await page('index')).map((a) => [toString(a), a.properties.href]));
    expect(links['Same/Note']).toBe('/same/note/');
    expect(links['the other note']).toBe('/other/note/');
    expect(links['Nasty (names) & more — ünïcode 🚀']).toBe('/nasty-names--more--%C3%BCn%C3%AFcode/');
    expect(links['Book > Second Part']).toBe('/book/second-part/');
    expect(links.same).toBe('/same/note/');
    const embeds = Object.fromEntries(selectAll('.note-body a.internal', await page('embeds')).map((a) => [toString(a), a.properties.href]));
    expect(embeds['Markup Alias']).toBe('/title-markup/');
  });

  it('renders callouts as Obsidian marks them up, folded and nested', async () => {
    const tree = await page('index');
    const warning = select('.callout[data-callout="warning"]', tree)!;
    expect(warning.tagName).toBe('details');
    expect(warning.properties.open).toBeUndefined();
    expect(toString(select('.callout-title', warning)!).trim()).toBe('Folded warning');
    expect(select('.callout[data-callout="faq"] .callout-content .callout[data-callout="tip"]', tree)).toBeDefined();
    expect(toString(select('.callout[data-callout="tip"] .callout-title', tree)!).trim()).toBe('Tip');
  });

  it('marks highlights, removes comments entirely and keeps %% inside code', async () => {
    const index = await html('index');
    expect(index).toContain('<mark>highlighted</mark>');
    expect(index).not.toContain('secret comment');
    expect(index).not.toContain('must not count');
    expect(toString(select('pre.shiki', fromHtml(index))!)).toContain('"%% not a comment in code %%"');
  });

  it('renders math, diagrams, highlighted code, tables, tasks, footnotes and strikethrough', async () => {
    const tree = await page('index');
    expect(selectAll('.katex', tree).length).toBeGreaterThanOrEqual(2);
    expect(toString(select('pre.mermaid', tree)!)).toContain('A-->B');
    expect(selectAll('pre.shiki span', tree).length).toBeGreaterThan(3);
    expect(toString(select('table td del', tree)!)).toBe('struck');
    expect(selectAll('input[type="checkbox"]', tree).map((i) => i.properties.checked ?? false)).toEqual([true, false]);
    expect(toString(select('section[data-footnotes]', tree)!)).toContain('The footnote text.');
  });

  it('marks external links and sanitises the note’s HTML', async () => {
    const tree = await page('index');
    const external = select('a[href="https://example.com/"]', tree)!;
    expect(external.properties.rel).toEqual(expect.arrayContaining(['noopener']));
    expect(toString(select('.note-body b', tree)!)).toBe('bold');
    expect(await html('index')).not.toContain('alert(1)');
  });

  it('embeds a block, a section and a sized image, and stops a circular embed', async () => {
    expect(toString(select('.embed-content', await page('other/note'))!)).toBe('A block to reach.');
    expect(toString(select('.embed-content', await page('embeds'))!)).toContain('Text of the first part.');
    const img = select('.note-body img', await page('book/second-part'))!;
    expect(img.properties).toMatchObject({ src: '/attachments/assets/pic.png', width: 40 });
    expect(toString(select('.embed-loop', await page('circle-a'))!)).toContain('embeds itself again');
  });

  it('lands a block link on its element', async () => {
    expect(select('[id="^index-block"]', await page('index'))).toBeDefined();
  });

  it('shows private and draft notes nowhere, and links to them as text', async () => {
    expect(toString(select('.note-body', await page('embeds'))!)).toContain('Links to Private and Draft show as text');
    const files = await readdir(build.outDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((f) => f.isFile() && f.name.endsWith('.html'))) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect(text).not.toContain('CONFORMANCE-PRIVATE-MARKER');
      expect(text).not.toContain('CONFORMANCE-DRAFT-MARKER');
    }
  });

  it('writes a title with markup as text', async () => {
    const tree = await page('title-markup');
    expect(toString(select('h1', tree)!)).toBe('<b>x</b> & co');
    expect(selectAll('main b', tree)).toEqual([]);
  });

  it('renders a 5,000-line note whole', async () => {
    const long = await html('long');
    expect(long).toContain('Line 4998 of a long note.');
    expect(selectAll('.toc li', await page('long')).length).toBeGreaterThan(40);
  });

  it('has no broken link, image or fragment', async () => {
    expect((await checkLinks(build.outDir)).broken).toEqual([]);
  });
});
