import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveSite, type StaticSite } from '../helpers/serve.ts';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!runBrowserTests)('what Obsidian Publish users publish, in Chromium', () => {
  let permalinks: StaticSite;
  let properties: StaticSite;
  let browser: Browser;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ site: permalinks, browser, close } = await browseBuiltSite({ contentDir: 'tests/fixtures/permalinks-vault' }));
    const built = await buildSite({ contentDir: 'tests/fixtures/properties-vault' });
    if (built.code !== 0) throw new Error(built.output.slice(-4000));
    properties = await serveSite(built.outDir);
  });
  afterAll(async () => {
    await properties?.close();
    await close?.();
  });

  async function open(url: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light' });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  for (const javaScript of [false, true]) {
    it(`follows a former address and an alias to the page ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      for (const old of ['/linking-notes-and-files/internal-links/', '/internal-link/']) {
        const page = await open(`${permalinks.origin}${old}`, { javaScript });
        await page.waitForURL(`${permalinks.origin}/links/`);
        expect(await page.locator('h1.page-title').textContent()).toBe('Internal links');
        await page.context().close();
      }
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows a note’s properties with no accessibility violation in the ${scheme} theme`, async () => {
      const page = await open(`${properties.origin}/hope/`, { colorScheme: scheme });
      await expect(page.locator('table.note-properties th').first().textContent()).resolves.toBe('year');
      await page.getByRole('link', { name: 'Harrison Ford' }).first().click();
      await page.waitForURL(`${properties.origin}/harrison-ford/`);
      await page.goto(`${properties.origin}/hope/`);
      await page.addScriptTag({ content: await axeSource });
      const violations = await page.evaluate(async () => {
        type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
        const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<Result> } }).axe;
        const found = await axe.run({ include: [['table.note-properties']] }, {});
        return found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});
