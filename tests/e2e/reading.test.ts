import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import type { StaticSite } from '../helpers/serve.ts';

const CHAPTER_1 = '/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/';
const CHAPTER_2 = '/data-science-on-aws/chapter-2-data-science-use-cases/';
const STUB = '/stubs/topic-notes/mlops/data-flows/human-in-the-loop-workflows/';
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
    await page.getByRole('link', { name: /Next chapter Chapter 2: Data Science Use Cases/ }).click();
    await page.waitForURL(`**${CHAPTER_2}`);
    expect(await page.locator('.chapter-place').textContent()).toBe('Chapter 2 of 12');
    await page.getByRole('link', { name: /Previous chapter Chapter 1/ }).click();
    await page.waitForURL(`**${CHAPTER_1}`);
    expect(await page.locator('.note-body h1').textContent()).toBe('Chapter 1: Introduction to Data Science on AWS');
    await page.context().close();
  });

  it('previews a link to a service’s feature with that feature’s passages, and closes it with Escape', async () => {
    const page = await open(CHAPTER_1);
    await page.locator('.note-body a', { hasText: 'Amazon SageMaker > Studio' }).hover();
    const preview = page.locator('#link-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('.preview-page').textContent()).toBe('Amazon SageMaker');
    expect(await preview.locator('h3').first().textContent()).toMatch(/^Studio/);
    expect(await preview.locator('.passage-page-title').first().textContent()).toBe('Chapter 1: Introduction to Data Science on AWS');
    expect((await preview.locator('.passage-text').first().textContent())!.length).toBeGreaterThan(40);
    // The section only: not the next feature's heading.
    expect(await preview.locator('h3', { hasText: 'Data Wrangler' }).count()).toBe(0);
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

  it('previews a page not written yet with the pages that link to it, and a chapter with its beginning', async () => {
    const page = await open(CHAPTER_1);
    await page.locator('.note-body a', { hasText: 'Human-in-the-loop Workflows' }).hover();
    const preview = page.locator('#link-preview');
    await expect.poll(() => preview.locator('.stub-note').textContent()).toContain('passage in the notes links to it');
    expect(await preview.locator('.passage-page-title').allTextContents()).toEqual(['Chapter 1: Introduction to Data Science on AWS']);
    expect((await preview.locator('.passage-text').first().textContent())!.length).toBeGreaterThan(40);
    await page.keyboard.press('Escape');
    await page.goto(`${site.origin}${CHAPTER_2}`);
    await page.locator('.chapter-prev').hover();
    await expect.poll(() => preview.locator('h1').first().textContent()).toBe('Chapter 1: Introduction to Data Science on AWS');
    expect(await preview.locator('.note-body li').first().textContent()).toContain('Spin up resources as needed');
    await page.context().close();
  });

  it('lists each passage of a hub once, one entry per page with its passages under it, its features nested', async () => {
    const page = await open('/services/amazon-sagemaker/');
    const passages = await page.locator('.service-passages .passage').evaluateAll((nodes) =>
      nodes.map((n) => `${n.closest('.passage-page')!.querySelector('.passage-page-title')!.textContent} | ${n.querySelector('.passage-place')?.textContent} | ${n.querySelector('.passage-text')?.textContent ?? ''}`),
    );
    expect(new Set(passages).size).toBe(passages.length);
    expect(passages.length).toBe(9);
    // No passage repeats its heading as its text: it shows what the section says.
    for (const passage of passages) {
      const [, place, text] = passage.split(' | ');
      if (text) expect(place!.endsWith(text), passage).toBe(false);
    }
    // One entry per page in each section.
    for (const section of await page.locator('.passage-section').all()) {
      const titles = await section.locator(':scope > .passage-pages > .passage-page > .passage-page-title').allTextContents();
      expect(new Set(titles).size).toBe(titles.length);
    }
    expect(await page.locator('#sub-features ~ .passage-feature h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Studio/), expect.stringMatching(/^Data Wrangler/)]));
    expect(await page.locator('.service-count').textContent()).toContain('9 passages');
    await page.goto(`${site.origin}/services/`);
    expect(await page.locator('.service-list li', { hasText: 'Amazon SageMaker' }).first().locator('.count').textContent()).toBe('9 passages');
    await page.context().close();
  });

  it('shows a single line break as Obsidian does', async () => {
    const page = await open(CHAPTER_1);
    const lines = await page.locator('.note-body p', { hasText: 'Data Preparation' }).evaluate((p) => (p as HTMLElement).innerText.split('\n'));
    expect(lines).toEqual(['Data Preparation', 'Data Ingestion >> Data Analysis >> Data Transformation >> Data Validation >> Create Training Data >>']);
    await page.context().close();
  });

  it('opens on a front page: the book’s title once, its introduction, its chapters with what each holds, every service and the pages linked most', async () => {
    const page = await open('/');
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Data Science on AWS']);
    expect(await page.getByRole('heading', { name: 'Data Science on AWS' }).count()).toBe(1);
    expect(await page.locator('.home-intro').textContent()).toContain('By #ChrisFregly & #AntjeBarth');
    const chapters = page.locator('.home-chapters li');
    expect(await chapters.count()).toBe(12);
    expect(await chapters.first().textContent()).toMatch(/Chapter 1: Introduction to Data Science on AWS\s*11 sections · 1,\d{3} words/);
    expect(await chapters.nth(1).textContent()).toContain('not written yet');
    expect(await page.locator('.home-services .service-chip').count()).toBe(21);
    expect(await page.locator('.home-linked li').first().textContent()).toMatch(/^Amazon SageMaker 9 passages$/);
    // Section headings are headings, not links styled as links.
    expect(await page.locator('.home-section > h2 a').count()).toBe(0);
    await page.context().close();
  });

  it('draws the book joined to its chapters, with labels that keep their size on screen as the graph zooms', async () => {
    const page = await open('/graph/');
    const book = page.locator('a.graph-node.kind-book');
    const height = () => book.locator('text').evaluate((t) => t.getBoundingClientRect().height);
    const before = await height();
    expect(before).toBeGreaterThan(10);
    const gap = () => page.locator('a.graph-node.kind-book circle, a.graph-node.kind-chapter circle').evaluateAll((c) => Math.abs(c[0]!.getBoundingClientRect().x - c[1]!.getBoundingClientRect().x));
    const spread = await gap();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(Math.abs((await height()) - before)).toBeLessThan(1.5);
    expect(await gap()).toBeGreaterThan(spread * 1.5);
    // Every chapter has a line to the book: none floats alone.
    const index = await page.locator('a.graph-node').evaluateAll((nodes) => nodes.findIndex((n) => n.classList.contains('kind-book')));
    expect(await page.locator(`.graph-edges line[data-ends~="${index}"]`).count()).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  it('keeps the graph readable on a phone: labels of 11 px or more, and the pages as a list', async () => {
    const page = await open('/graph/', { width: 390 });
    const sizes = await page.locator('a.graph-node text').evaluateAll((texts) => texts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.getBoundingClientRect().height));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(11);
    expect(await page.locator('.graph-list li').first().textContent()).toContain('Chapter 1: Introduction to Data Science on AWS');
    await page.goto(`${site.origin}${CHAPTER_1}`);
    expect(await page.locator('.local-graph svg').isVisible()).toBe(false);
    expect(await page.locator('.local-graph-list a', { hasText: 'Amazon SageMaker' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('fixes what a reader notices: a styled search on the missing page, quiet links in headings, labelled chips, a stub that speaks to the reader', async () => {
    const page = await open('/no-such-page/');
    const box = page.locator('#not-found-q');
    expect(await box.evaluate((n) => getComputedStyle(n).borderTopStyle)).toBe('solid');
    expect((await box.boundingBox())!.width).toBeGreaterThan(200);
    await page.goto(`${site.origin}${CHAPTER_1}`);
    const heading = page.locator('.note-body h3', { hasText: 'AWS Step Functions' });
    const [headingColour, linkColour, weight] = await heading.evaluate((h) => [getComputedStyle(h).color, getComputedStyle(h.querySelector('a')!).color, getComputedStyle(h.querySelector('a')!).fontWeight]);
    expect(linkColour).toBe(headingColour);
    expect(Number(weight)).toBe(Number(await heading.evaluate((h) => getComputedStyle(h).fontWeight)));
    expect(await page.locator('.section-services').first().textContent()).toMatch(/^Services:/);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^Chapter 1 of 12 of Data Science on AWS\. /);
    expect(await page.locator('.chapter-prev').textContent()).toContain('About the book');
    await page.goto(`${site.origin}${STUB}`);
    const stub = await page.locator('.stub-note').textContent();
    expect(stub).toContain('has no page of its own yet');
    expect(stub).not.toMatch(/Create|\.md|vault/);
    expect(await page.getByRole('heading', { name: 'Read next' }).count()).toBe(1);
    await page.goto(`${site.origin}/folders/`);
    expect(await page.locator('main').textContent()).not.toContain('No published notes here');
    expect(await page.locator('main a', { hasText: 'Data Science on AWS' }).count()).toBeGreaterThan(0);
    const sitemap = await (await fetch(`${site.origin}/sitemap.xml`)).text();
    expect(sitemap).not.toContain('/folders/');
    await page.context().close();
  });

  it('shows the book’s authors as words of its text, not as tag chips, and the theme button the theme it switches to', async () => {
    const page = await open('/data-science-on-aws/');
    const author = page.locator('.note-body a.tag', { hasText: '#ChrisFregly' });
    expect(await author.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.locator('.theme-moon').isVisible()).toBe(true);
    expect(await toggle.locator('.theme-sun').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.locator('.theme-moon').isVisible()).toBe(false);
    expect(await toggle.locator('.theme-sun').isVisible()).toBe(true);
    await page.context().close();
  });

  it('hides the / key hint on a phone', async () => {
    const page = await open(CHAPTER_1, { width: 390 });
    expect(await page.locator('.search-key').isVisible()).toBe(false);
    await page.context().close();
  });

  describe('accessibility (axe-core)', () => {
    // A page of every kind: home, book, chapter, hub, stub, tag, folder, search (filters open), lists, graph, a missing page.
    const pages = ['/', '/data-science-on-aws/', CHAPTER_1, '/services/amazon-sagemaker/', STUB, '/tags/chrisfregly/', '/tags/', '/folders/', '/search/?q=data', '/services/', '/graph/', '/no-such-page/'];
    for (const scheme of ['light', 'dark'] as const) {
      it.each(pages)(`finds no violations on %s in the ${scheme} theme`, async (path) => {
        const page = await open(path, { colorScheme: scheme });
        if (path.startsWith('/search/')) {
          await page.locator('.search-status').waitFor();
          for (const summary of await page.locator('details.search-filter > summary').all()) await summary.click();
          await expect.poll(() => page.locator('.search-chip').count()).toBeGreaterThan(0);
        }
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
