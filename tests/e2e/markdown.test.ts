import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import type { StaticSite } from '../helpers/serve.ts';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: StaticSite;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

describe.skipIf(!runBrowserTests)('reading Obsidian Markdown in Chromium', () => {
  beforeAll(async () => {
    ({ site, browser, close } = await browseBuiltSite({ contentDir: 'tests/fixtures/markdown-vault' }));
  });
  afterAll(() => close?.());

  /** Opens a page and records the scripts it fetched. */
  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; javaScript?: boolean } = {}): Promise<{ page: Page; scripts: string[] }> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScript ?? true });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.origin}${path}`, { waitUntil: 'networkidle' });
    return { page, scripts };
  }

  it('draws a mermaid diagram, loading mermaid only on a page that has one', async () => {
    const withDiagram = await open('/storage/');
    await expect.poll(() => withDiagram.page.locator('pre.mermaid svg').count()).toBe(1);
    expect(await withDiagram.page.locator('pre.mermaid svg').textContent()).toContain('Glacier');
    expect(withDiagram.scripts.some((url) => /mermaid/i.test(url))).toBe(true);
    await withDiagram.page.context().close();

    const without = await open('/costs/');
    expect(without.scripts.filter((url) => /mermaid\.core|elk|cytoscape/i.test(url))).toEqual([]);
    await without.page.context().close();
  });

  it('shows the diagram’s source and folds callouts without JavaScript', async () => {
    const { page } = await open('/storage/', { javaScript: false });
    expect(await page.locator('pre.mermaid').textContent()).toBe('graph LR\n  Standard --> IA --> Glacier');
    const folded = page.locator('details.callout[data-callout="caution"]');
    expect(await folded.locator('> .callout-content').isVisible()).toBe(false);
    await folded.locator('> summary').click();
    expect(await folded.locator('> .callout-content').isVisible()).toBe(true);
    await page.context().close();
  });

  it('colours code for the theme in use', async () => {
    const keyword = async (colorScheme: 'light' | 'dark') => {
      const { page } = await open('/storage/', { colorScheme });
      const color = await page.locator('pre.shiki .line > span', { hasText: /^const$/ }).evaluate((span) => getComputedStyle(span).color);
      await page.context().close();
      return color;
    };
    expect(await keyword('light')).toBe('rgb(207, 34, 46)');
    expect(await keyword('dark')).toBe('rgb(255, 123, 114)');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['/storage/', '/costs/', '/diagram-note/'])(`finds no accessibility violations on %s in the ${scheme} theme`, async (path) => {
      const { page } = await open(path, { colorScheme: scheme });
      await page.addScriptTag({ content: await axeSource });
      const violations = await page.evaluate(async () => {
        type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
        const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<Result> } }).axe;
        // Heading levels inside a note are the author's, kept as written.
        const all = await axe.run({ exclude: [] }, { rules: { 'heading-order': { enabled: false } } });
        return all.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});
