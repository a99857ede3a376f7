import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const html = (page: string) => readFile(path.join(build.outDir, page, 'index.html'), 'utf8');
const tree = async (page: string): Promise<Root> => fromHtml(await html(page));
/** The note's own body, without the sidebar, backlinks and the rest of the page. */
const body = async (page: string): Promise<Element> => {
  const article = select('main article', await tree(page));
  if (!article) throw new Error(`${page} has no article`);
  return article;
};
const classes = (node: Element | undefined) => (node?.properties.className as string[] | undefined) ?? [];

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/markdown-vault' });
});

describe('building a vault that uses Obsidian’s Markdown', () => {
  it('succeeds, and finds no problem and no link in a comment', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('Quire: 3 notes read: 3 published, 0 private, 0 unreadable');
    expect(build.output).toContain('Quire: no problems found');
    expect(build.output).not.toContain('Draft Prices');
  });

  it('leaves comments out of every page, and makes no page or tag from what they hold', async () => {
    const files = await readdir(build.outDir, { recursive: true, withFileTypes: true });
    const written = files.filter((f) => f.isFile() && /\.(html|json|js)$/.test(f.name));
    for (const file of written) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toContain('COMMENT-MARKER');
    }
    await expect(html('stubs/draft-prices')).rejects.toThrow();
    await expect(html('tags/draft')).rejects.toThrow();
    // %% inside code is text.
    const storage = await body('storage');
    expect(textOf(select('p:has(code)', storage)!)).toBe('Write %% or == in code and they stay as typed.');
    expect(textOf(select('pre.shiki', storage)!)).toContain('// %% not a comment %%');
  });

  it('renders highlights and callouts as Obsidian does', async () => {
    const storage = await body('storage');
    expect(textOf(select('mark', storage)!)).toBe('several storage classes');
    const callouts = selectAll('.callout', storage);
    expect(callouts.map((c) => [c.tagName, c.properties.dataCallout, classes(c)[1], textOf(select('.callout-title', c)!)])).toEqual([
      ['div', 'tip', 'callout-tip', 'Rule of thumb'],
      ['details', 'caution', 'callout-warning', 'Retrieval fees'],
      ['details', 'faq', 'callout-question', 'Can I avoid them?'],
      ['div', 'summary', 'callout-abstract', 'Summary'],
      ['div', 'recipe', 'callout-note', 'Unknown types look like notes'],
    ]);
    const [, folded, open, summary] = callouts;
    expect(folded!.properties.open).toBeUndefined();
    expect(open!.properties.open).toBe(true);
    expect(select('.callout-content > .callout', folded!)).toBe(open);
    expect(summary!.properties.id).toBe('^summary-callout');
  });

  it('draws diagrams in the browser from their source, highlights code, and marks external links', async () => {
    const storage = await body('storage');
    expect(textOf(select('pre.mermaid', storage)!)).toBe('graph LR\n  Standard --> IA --> Glacier');
    const code = select('pre.shiki', storage)!;
    expect(classes(code)).toEqual(['shiki', 'shiki-themes', 'github-light-default', 'github-dark-default']);
    expect(selectAll('span[style*="--shiki-dark"]', code).length).toBeGreaterThan(3);
    const external = select('a[href="https://aws.amazon.com/s3/pricing/"]', storage)!;
    expect(external.properties).toMatchObject({ className: ['external'], rel: ['noopener', 'noreferrer'], target: '_blank' });
    expect(select('a[href="/costs/#formula"]', storage)?.properties.className).toEqual(['internal']);
    // The diagram script is on the page; mermaid itself is a separate chunk it loads only when needed.
    const page = await html('storage');
    const scripts = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
    const sources = await Promise.all(scripts.map((src) => readFile(path.join(build.outDir, src), 'utf8')));
    const loader = sources.find((source) => source.includes('pre.mermaid'));
    expect(loader, scripts.join(', ')).toBeDefined();
    expect(loader!.length).toBeLessThan(5_000);
  });

  it('renders math with KaTeX at build time, and ships its stylesheet', async () => {
    const costs = await body('costs');
    const formulas = selectAll('.katex', costs);
    expect(formulas.map((f) => textOf(select('annotation', f)!))).toEqual(['\\sum_i s_i \\cdot p_i', 'C = \\sum_{i=1}^{n} s_i \\, p_i']);
    expect(select('[id="^cost-formula"] .katex-display', costs)).toBeDefined();
    expect(selectAll('p', costs).map(textOf)).toContain('Prices quoted in dollars, such as $5 and $10, stay text.');
    const page = await html('costs');
    const stylesheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const css = (await Promise.all(stylesheets.map((href) => readFile(path.join(build.outDir, href), 'utf8')))).join('\n');
    expect(css).toContain('.katex-display');
    expect(css).toContain('.callout-title');
    expect(css).toContain('--shiki-dark');
  });

  it('renders GFM tables, task lists, strikethrough and footnotes', async () => {
    const costs = await body('costs');
    expect(selectAll('table th', costs).map((th) => [textOf(th), th.properties.align])).toEqual([
      ['Class', 'left'],
      ['Price per GB', 'right'],
      ['Minimum days', 'center'],
    ]);
    expect(selectAll('li.task-list-item input', costs).map((input) => [Boolean(input.properties.checked), input.properties.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(textOf(select('del', costs)!)).toBe('public access');
    expect(select('sup a[data-footnote-ref]', costs)?.properties.href).toBe('#user-content-fn-prices');
    expect(textOf(select('section.footnotes li', costs)!)).toContain('Checked in 2024.');
  });

  it('renders a note’s HTML sanitised: no script, handler or javascript: URL, and an https iframe only sandboxed', async () => {
    const page = await html('costs');
    for (const marker of ['SCRIPT-MARKER', 'ONERROR-MARKER', 'JS-MARKER']) expect(page).not.toContain(marker);
    const costs = await body('costs');
    expect(selectAll('kbd', costs).map(textOf)).toEqual(['Ctrl', 'C']);
    expect(textOf(select('b', costs)!)).toBe('carefully');
    expect(select('img', costs)?.properties).toEqual({ src: 'https://example.com/chart.png', alt: 'A chart' });
    expect(select('a:not([href])', costs) && textOf(select('a:not([href])', costs)!)).toBe('a bad link');
    expect(textOf(select('details > summary', costs)!)).toBe('More detail');
    expect(selectAll('script', costs)).toEqual([]);
    expect(selectAll('iframe', costs).map((iframe) => iframe.properties)).toEqual([
      {
        src: 'https://example.com/IFRAME-MARKER',
        sandbox: ['allow-scripts', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-presentation'],
        referrerPolicy: 'strict-origin-when-cross-origin',
        loading: 'lazy',
        title: 'Embedded page from example.com',
      },
    ]);
  });

  it('gives an MDX note the same features, comments included', async () => {
    const page = await html('diagram-note');
    expect(page).not.toContain('MDX-COMMENT-MARKER');
    const mdx = await body('diagram-note');
    expect(textOf(select('mark', mdx)!)).toBe('highlights');
    expect(select('.katex', mdx)).toBeDefined();
    expect(select('.callout.callout-note .callout-title-inner', mdx) && textOf(select('.callout.callout-note .callout-title-inner', mdx)!)).toBe('From MDX');
    expect(textOf(select('pre.mermaid', mdx)!)).toBe('graph TD\n  A --> B');
    expect(classes(select('pre.shiki', mdx))).toContain('github-dark-default');
    expect(select('a[href="https://docs.aws.amazon.com/"]', mdx)?.properties).toMatchObject({ className: ['external'], target: '_blank' });
    expect(select('a[href="/storage/"]', mdx)).toBeDefined();
  });

  it('has no broken internal link or fragment, block ids included', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
    const costs = await body('costs');
    expect(select('a[href="/storage/#%5Esummary-callout"]', costs)).toBeDefined();
  });
});
