import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import type { StaticSite } from '../helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

describe.skipIf(!runBrowserTests)('searching the shipped site in Chromium', () => {
  beforeAll(async () => {
    ({ site, browser, close } = await browseBuiltSite());
  });
  afterAll(() => close?.());

  async function searchPage(query: string, options: { width?: number } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.width && options.width < 500 ? 844 : 900 } });
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-status').waitFor();
    return page;
  }

  /** The titles the search page lists for a query, best first. */
  async function resultsFor(query: string): Promise<string[]> {
    const page = await searchPage(query);
    const titles = await page.locator('.search-result-title').allTextContents();
    await page.close();
    return titles;
  }

  /** Opens a filter and waits for its values. */
  async function openFilter(page: Page, key: string) {
    await page.locator(`details[data-filter-key="${key}"] > summary`).click();
    await expect.poll(() => page.locator(`details[data-filter-key="${key}"] .search-filter-values > *`).first().textContent()).not.toBe('Loading…');
  }
  const chips = (page: Page, key: string) => page.locator(`[data-filter="${key}"]`).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.value!));

  it.each([
    ['S3', 'Amazon S3'],
    ['Amazon S3', 'Amazon S3'],
    ['Simple Storage Service', 'Amazon S3'],
    ['SageMaker', 'Amazon SageMaker'],
    ['Glue', 'AWS Glue'],
    ['EC2', 'Amazon EC2'],
  ])('ranks the hub first for “%s”', async (query, hub) => {
    expect((await resultsFor(query))[0]).toBe(hub);
  });

  it.each([
    ['Data Wrangler', 'Amazon SageMaker'],
    ['DataBrew', 'AWS Glue'],
    ['Spot Instances', 'Amazon EC2'],
  ])('finds the hub for the sub-feature “%s” within the top 3', async (query, hub) => {
    expect((await resultsFor(query)).slice(0, 3)).toContain(hub);
  });

  it('keeps its filters closed, and loads no filter values until one is opened', async () => {
    const page = await browser.newPage();
    const filterFiles: string[] = [];
    page.on('request', (request) => request.url().includes('/pagefind/filter/') && filterFiles.push(request.url()));
    await page.goto(`${site.origin}/search/?q=data`);
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('details.search-filter[open]').count()).toBe(0);
    expect(await page.locator('.search-chip').count()).toBe(0);
    expect(filterFiles).toEqual([]);
    await openFilter(page, 'chapter');
    expect(filterFiles.length).toBeGreaterThan(0);
    await page.close();
  });

  it('offers in a filter only the values the results have, with their counts, chapters by number and the book as a book', async () => {
    const page = await searchPage('data');
    await openFilter(page, 'chapter');
    const chapters = await chips(page, 'chapter');
    expect(chapters.length).toBeGreaterThan(1);
    const numbers = chapters.map((chapter) => Number(/^Chapter (\d+)/.exec(chapter)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(chapters).not.toContain('Data Science on AWS');
    for (const count of await page.locator('[data-filter="chapter"] .search-chip-count').allTextContents()) expect(Number(count)).toBeGreaterThan(0);
    await openFilter(page, 'type');
    expect(await chips(page, 'type')).toEqual(['book', 'chapter', 'service']);
    expect(await page.locator('[data-filter="type"][data-value="book"]').textContent()).toMatch(/^Books \d+$/);
    // A narrower query: only the services its results have, in the services page's order.
    await page.locator('#search-page-q').fill('DataBrew');
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/^\d+ pages? found$/);
    await openFilter(page, 'service');
    await expect.poll(() => chips(page, 'service')).toContain('AWS Glue');
    const services = await chips(page, 'service');
    expect(services.length).toBeLessThan(21);
    const order = await page.evaluate(() => JSON.parse(document.querySelector<HTMLElement>('[data-search-page]')!.dataset.filterOrder!).service as string[]);
    expect(services).toEqual([...services].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    await page.close();
  });

  it('narrows the results by a service, and shows the result’s own type', async () => {
    const page = await searchPage('data');
    const all = await page.locator('.search-result-title').allTextContents();
    await openFilter(page, 'service');
    await page.locator('[data-filter="service"][data-value="AWS Glue"]').click();
    await expect.poll(() => page.locator('[data-filter="service"][data-value="AWS Glue"]').getAttribute('aria-pressed')).toBe('true');
    const narrowed = await page.locator('.search-result-title').allTextContents();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toContain('AWS Glue');
    expect(narrowed).not.toContain('Amazon EC2');
    expect(await page.locator('details[data-filter-key="service"] summary').textContent()).toContain('1');
    await page.close();
  });

  it('leads a result to the section that answers, and the page opened there marks the phrase, not every word', async () => {
    const page = await searchPage('data wrangler');
    const hub = page.locator('.search-result-title', { hasText: 'Amazon SageMaker' });
    expect(await hub.getAttribute('href')).toMatch(/^\/services\/amazon-sagemaker\/\?highlight=data\+wrangler#data-wrangler$/);
    await hub.click();
    await page.waitForURL(/#data-wrangler$/);
    const marks = page.locator('mark.search-hit');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe('data wrangler');
    // Every mark is in the Data Wrangler section, and the first is on screen.
    expect(await marks.evaluateAll((nodes) => nodes.every((n) => n.closest('section')?.querySelector('h3')?.id === 'data-wrangler'))).toBe(true);
    expect(await marks.first().isVisible()).toBe(true);
    expect(await marks.first().evaluate((n) => n.getBoundingClientRect().top >= 0 && n.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await page.close();
  });

  it('opens a long chapter at the passage that matched, not at its top', async () => {
    const page = await searchPage('data wrangler');
    const chapter = page.locator('.search-result-title', { hasText: 'Chapter 1' });
    expect(await chapter.getAttribute('href')).toMatch(/\?highlight=data\+wrangler#data-transformation-with/);
    await chapter.click();
    await page.waitForURL(/chapter-1-.*#data-transformation-with/);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect((await page.locator('mark.search-hit').allTextContents()).map((t) => t.toLowerCase())).toEqual(['data wrangler']);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
    await page.close();
  });

  it('keeps page furniture out of excerpts', async () => {
    const page = await searchPage('SageMaker');
    const excerpts = (await page.locator('.search-excerpt').allTextContents()).join(' ');
    for (const furniture of ['Also called', 'Official documentation', 'Linked from', 'In the notes', 'Chapter 1 of 12', 'Services:']) expect(excerpts).not.toContain(furniture);
    await page.close();
  });

  it('reads at 390 px: the first result on screen without scrolling, nothing wider than the screen', async () => {
    const page = await searchPage('data wrangler', { width: 390 });
    const first = page.locator('.search-result').first();
    await first.waitFor();
    expect(await first.evaluate((n) => n.getBoundingClientRect().top < innerHeight - 80)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('says so when nothing is found, right under the box', async () => {
    const page = await searchPage('zzzqqq', { width: 390 });
    expect(await page.locator('.search-status').textContent()).toBe('No results for “zzzqqq”.');
    expect(await page.locator('.search-status').evaluate((n) => n.getBoundingClientRect().top < 300)).toBe(true);
    await page.close();
  });

  it('finds S3 from the header box, as a reader types, and opens its hub with the term marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/`);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('S3');
    const first = page.locator('#site-search-panel ol[aria-label="Results for S3"] .search-result-title').first();
    await expect.poll(() => first.textContent()).toBe('Amazon S3');
    expect(await page.locator('#site-search-panel .search-chip, #site-search-panel details').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/amazon-s3\/\?highlight=s3/i);
    expect(await page.locator('h1').textContent()).toBe('Amazon S3');
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens the header search with Ctrl-K and closes its results with Escape', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('Glue');
    await page.locator('#site-search-panel .search-result').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-panel').isHidden()).toBe(true);
    await page.close();
  });
});
