import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runBrowserTests } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveSite, type StaticSite } from '../helpers/serve.ts';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let canvasSite: StaticSite;
let basesSite: StaticSite;
let browser: Browser;

/** The scale the canvas's stage is drawn at. */
const scaleOf = (page: Page) => page.locator('.canvas-stage').first().evaluate((stage) => new DOMMatrixReadOnly(getComputedStyle(stage).transform).a);
/** The text of each row of a table body, its first cell for a row, `#` and the group's text for a group heading. */
const rowsOf = (table: Locator) =>
  table.evaluate((element) => [...element.querySelectorAll('tbody tr')].map((row) => (row.classList.contains('base-group-row') ? `# ${row.textContent!.trim()}` : row.querySelector('td')!.textContent!.trim())));

describe.skipIf(!runBrowserTests)('canvases and bases in Chromium', () => {
  beforeAll(async () => {
    for (const [name, set] of [
      ['canvas-vault', (site: StaticSite) => (canvasSite = site)],
      ['bases-vault', (site: StaticSite) => (basesSite = site)],
    ] as const) {
      const build = await buildSite({ contentDir: `tests/fixtures/${name}` });
      if (build.code !== 0) throw new Error(`the build of ${name} failed:\n${build.output.slice(-4000)}`);
      set(await serveSite(build.outDir));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await canvasSite?.close();
    await basesSite?.close();
  });

  async function open(site: StaticSite, path: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1366, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  it('zooms a canvas with its buttons, and Fit shows it whole again', async () => {
    const page = await open(canvasSite, '/map-canvas/');
    const fitted = await scaleOf(page);
    expect(fitted).toBeLessThan(1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await scaleOf(page)).toBeCloseTo(fitted * 1.25, 5);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await scaleOf(page)).toBeCloseTo(fitted * 1.25, 5);
    await page.getByRole('button', { name: 'Fit the canvas to the view' }).click();
    expect(await scaleOf(page)).toBeCloseTo(fitted, 5);
    await page.context().close();
  });

  it('zooms a canvas with Ctrl and the wheel, and pans it by dragging', async () => {
    const page = await open(canvasSite, '/map-canvas/');
    const viewport = page.locator('.canvas-viewport');
    const box = (await viewport.boundingBox())!;
    const fitted = await scaleOf(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(() => scaleOf(page)).toBeGreaterThan(fitted * 1.5);
    const before = await viewport.evaluate((element) => [element.scrollLeft, element.scrollTop]);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 80, { steps: 6 });
    await page.mouse.up();
    const after = await viewport.evaluate((element) => [element.scrollLeft, element.scrollTop]);
    expect(after[0]! - before[0]!).toBeCloseTo(120, -1);
    expect(after[1]! - before[1]!).toBeCloseTo(80, -1);
    await page.context().close();
  });

  it('draws a canvas shown by another canvas’s card as a miniature in that card, which zooms with the outer one', async () => {
    const page = await open(canvasSite, '/board-canvas/');
    // One set of buttons in sight: the inner canvas has none in the picture (its copy in the list, out of sight, has its own).
    expect(await page.locator('.canvas-controls:visible').count()).toBe(1);
    expect(await page.locator('.canvas-stage .canvas-controls').count()).toBe(0);
    const card = page.locator('.canvas-stage .canvas-node', { has: page.locator('figure.canvas') });
    const inner = card.locator('.canvas-viewport');
    const [cardBox, innerBox] = await Promise.all([card.boundingBox(), inner.boundingBox()]);
    expect(innerBox!.width).toBeGreaterThan(cardBox!.width * 0.8);
    expect(innerBox!.height).toBeLessThanOrEqual(cardBox!.height);
    expect(await card.locator('.canvas-outline').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect((await inner.boundingBox())!.width).toBeGreaterThan(innerBox!.width * 1.2);
    await page.context().close();
  });

  it('shows the cards as a list on a phone, with the picture a link away', async () => {
    const page = await open(canvasSite, '/map-canvas/', { viewport: { width: 390, height: 844 } });
    expect(await page.locator('.canvas-viewport').isVisible()).toBe(false);
    expect(await page.locator('.canvas-outline').isVisible()).toBe(true);
    expect(await page.locator('.canvas-outline > .canvas-item').first().textContent()).toContain('Project map');
    await page.getByRole('link', { name: 'See the canvas as a picture' }).click();
    expect(await page.locator('.canvas-viewport').isVisible()).toBe(true);
    await page.context().close();
  });

  it('reads a canvas without scripts: the picture scaled to the column, the list a link away', async () => {
    const page = await open(canvasSite, '/map-canvas/', { javaScriptEnabled: false });
    expect(await page.locator('.canvas-controls').count()).toBe(0);
    const [viewport, stage] = await Promise.all([page.locator('.canvas-viewport').boundingBox(), page.locator('.canvas-stage').boundingBox()]);
    expect(stage!.width).toBeLessThanOrEqual(viewport!.width);
    await page.getByRole('link', { name: 'Read the cards one by one' }).click();
    expect(await page.locator('.canvas-outline').evaluate((list) => list.getBoundingClientRect().height)).toBeGreaterThan(300);
    await page.context().close();
  });

  it('sorts a base’s table by a header, both ways, and says which', async () => {
    const page = await open(basesSite, '/library-base/');
    const numbers = page.locator('figure[data-view-name="Numbers"] table');
    expect(await rowsOf(numbers)).toEqual(['Emma', 'Dune', 'The Hobbit', 'Neuromancer', 'Ten Item Book']);
    const price = numbers.getByRole('button', { name: 'price' });
    await price.click();
    expect(await rowsOf(numbers)).toEqual(['Emma', 'Neuromancer', 'Dune', 'The Hobbit', 'Ten Item Book']);
    expect(await numbers.locator('th[data-key="note.price"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await numbers.locator('th[data-key="note.pages"]').getAttribute('aria-sort')).toBeNull();
    await price.click();
    // Descending; a note without a price stays last either way.
    expect(await rowsOf(numbers)).toEqual(['The Hobbit', 'Dune', 'Neuromancer', 'Emma', 'Ten Item Book']);
    expect(await numbers.locator('th[data-key="note.price"]').getAttribute('aria-sort')).toBe('descending');
    await page.context().close();
  });

  it('sorts a grouped table within its groups', async () => {
    const page = await open(basesSite, '/library-base/');
    const byStatus = page.locator('figure[data-view-name="By status"] table');
    await byStatus.getByRole('button', { name: 'Book' }).click();
    await byStatus.getByRole('button', { name: 'Book' }).click();
    expect(await rowsOf(byStatus)).toEqual(['# done (2)', 'Emma', 'Dune', '# reading (1)', 'Neuromancer', '# to-read (1)', 'The Hobbit']);
    await page.context().close();
  });

  it('shows a base’s table whole without scripts, in the base’s order', async () => {
    const page = await open(basesSite, '/library-base/', { javaScriptEnabled: false });
    const numbers = page.locator('figure[data-view-name="Numbers"] table');
    expect(await numbers.locator('button').count()).toBe(0);
    expect(await rowsOf(numbers)).toEqual(['Emma', 'Dune', 'The Hobbit', 'Neuromancer', 'Ten Item Book']);
    await page.context().close();
  });

  describe('accessibility (axe-core)', () => {
    const pages = [
      ['canvas', '/map-canvas/'],
      ['canvas', '/home/'],
      ['bases', '/library-base/'],
      ['bases', '/reading/'],
    ] as const;
    const sizes = [
      ['light', 1366],
      ['dark', 1366],
      ['dark', 390],
    ] as const;
    for (const [scheme, width] of sizes) {
      it.each(pages)(`finds no violations on a %s page, %s, ${width} px wide, in the ${scheme} theme`, async (kind, path) => {
        const page = await open(kind === 'canvas' ? canvasSite : basesSite, path, { colorScheme: scheme, viewport: { width, height: 900 } });
        await page.addScriptTag({ content: await axeSource });
        const violations = await page.evaluate(async () => {
          type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
          const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<Result> } }).axe;
          // Heading levels inside a note or a card are the author's, kept as written.
          const result = await axe.run({ exclude: [] }, { rules: { 'heading-order': { enabled: false } } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.context().close();
      });
    }
  });
});
