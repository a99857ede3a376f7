import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import type { StaticSite } from '../helpers/serve.ts';

const CHAPTER_1 = '/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/';
const CHAPTER_2 = '/data-science-on-aws/chapter-2-data-science-use-cases/';
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: StaticSite;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

describe.skipIf(!runBrowserTests)('reading the shipped site in Chromium', () => {
  beforeAll(async () => {
    ({ site, browser, close } = await browseBuiltSite());
  });
  afterAll(() => close?.());

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  it('goes from Chapter 1 to the next chapter and back', async () => {
    const page = await open(CHAPTER_1);
    await page.getByRole('link', { name: /Next Chapter 2: Data Science Use Cases/ }).click();
    await page.waitForURL(`**${CHAPTER_2}`);
    expect(await page.locator('.chapter-place').textContent()).toBe('Chapter 2 of 12');
    await page.getByRole('link', { name: /Previous Chapter 1/ }).click();
    await page.waitForURL(`**${CHAPTER_1}`);
    expect(await page.locator('.note-body h1').textContent()).toBe('Chapter 1: Introduction to Data Science on AWS');
    await page.context().close();
  });

  it('shows a preview of a linked section on hover, and closes it with Escape', async () => {
    const page = await open(CHAPTER_1);
    await page.locator('.note-body a', { hasText: 'Amazon SageMaker > Studio' }).hover();
    const preview = page.locator('#link-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('h1').textContent()).toBe('Amazon SageMaker');
    expect(await preview.locator('.preview-target').textContent()).toBe('Studio');
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows the preview on keyboard focus too', async () => {
    const page = await open(CHAPTER_1);
    await page.locator('.note-body a', { hasText: 'Data Science on AWS > Chapter 4 Ingest Data into the Cloud' }).focus();
    const preview = page.locator('#link-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('h1').first().textContent()).toBe('Chapter 4: Ingest Data into the Cloud');
    await page.context().close();
  });

  it('marks the section being read in the table of contents', async () => {
    const page = await open(CHAPTER_1);
    await page.locator('#security').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('security')!.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.locator('.toc a[aria-current="location"]').textContent()).toBe('Security');
    await page.context().close();
  });

  it('switches to the dark theme and keeps it across pages and reloads, without a flash of the light one', async () => {
    const page = await open(CHAPTER_1);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(dark).not.toBe(light);
    await page.reload();
    // The theme is set by a script in <head>, before the first paint.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(dark);
    await page.goto(`${site.origin}/services/`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(dark);
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    expect(await background()).toBeTruthy();
    await page.context().close();
  });

  it('follows the system theme until the reader chooses one', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await page.context().close();
  });

  it('opens the navigation from a menu on a phone', async () => {
    const page = await open(CHAPTER_1, { width: 390 });
    const nav = page.locator('#site-nav');
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(() => nav.isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Chapter 5: Explore the Dataset' }).click();
    await page.waitForURL('**/chapter-5-explore-the-dataset/');
    await page.context().close();
  });

  it('prints a chapter without the navigation', async () => {
    const page = await open(CHAPTER_1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.note-body').isVisible()).toBe(true);
    await page.context().close();
  });

  describe('accessibility (axe-core)', () => {
    const pages = ['/', CHAPTER_1, '/services/amazon-sagemaker/', '/tags/chrisfregly/', '/search/?q=S3', '/services/', '/graph/'];
    for (const scheme of ['light', 'dark'] as const) {
      it.each(pages)(`finds no violations on %s in the ${scheme} theme`, async (path) => {
        const page = await open(path, { colorScheme: scheme });
        if (path.startsWith('/search/')) await page.locator('.search-status').waitFor();
        await page.addScriptTag({ content: await axeSource });
        const violations = await page.evaluate(async () => {
          type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
          const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<Result> } }).axe;
          // Heading levels inside a note are the author's, kept as written; the site's own must be in order.
          const all = await axe.run({ exclude: [] }, { rules: { 'heading-order': { enabled: false } } });
          const order = await axe.run({ exclude: [['.note-body'], ['.embed-content']] }, { runOnly: ['heading-order'] });
          return [...all.violations, ...order.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.context().close();
      });
    }
  });
});
