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

  /** The titles the search page lists for a query, best first. */
  async function resultsFor(query: string, page?: Page): Promise<string[]> {
    const tab = page ?? (await browser.newPage());
    await tab.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
    await tab.locator('.search-status').waitFor();
    const titles = await tab.locator('.search-result-title').allTextContents();
    if (!page) await tab.close();
    return titles;
  }

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

  it('offers every service as a filter, and a service filter narrows the results', async () => {
    const page = await browser.newPage();
    const all = await resultsFor('data', page);
    const chips = await page.locator('[data-filter="service"]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.value));
    expect(chips).toEqual(expect.arrayContaining(['Amazon S3', 'Amazon SageMaker', 'AWS Glue', 'Amazon EC2', 'AWS Lake Formation', 'AWS Step Functions', 'TensorFlow Extended (TFX)', 'Amazon Athena', 'Amazon Redshift', 'Amazon QuickSight', 'Pandas', 'AWS Deequ', 'AWS Lambda']));
    await page.locator('[data-filter="service"][data-value="AWS Glue"]').click();
    await expect.poll(() => page.locator('[data-filter="service"][data-value="AWS Glue"]').getAttribute('aria-pressed')).toBe('true');
    const narrowed = await page.locator('.search-result-title').allTextContents();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toContain('AWS Glue');
    expect(narrowed).not.toContain('Amazon EC2');
    await page.close();
  });

  it('lands a sub-result on its section', async () => {
    const page = await browser.newPage();
    await resultsFor('Ground Truth', page);
    const href = await page.locator('.search-subresults a', { hasText: 'Ground Truth' }).first().getAttribute('href');
    expect(href).toMatch(/\/services\/amazon-sagemaker\/\?highlight=.*#ground-truth$/);
    await page.close();
  });

  it('finds S3 from the header box, as a reader types, and opens its hub with the term highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/`);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('S3');
    const first = page.locator('#site-search-panel ol[aria-label="Results for S3"] .search-result-title').first();
    await expect.poll(() => first.textContent()).toBe('Amazon S3');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/amazon-s3\/\?highlight=s3/i);
    expect(await page.locator('h1').textContent()).toBe('Amazon S3');
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
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
