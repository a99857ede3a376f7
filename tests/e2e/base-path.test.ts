import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseBuiltSite, runBrowserTests } from '../helpers/browser.ts';
import type { StaticSite } from '../helpers/serve.ts';

let site: StaticSite;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

describe.skipIf(!runBrowserTests)('a site built with BASE_PATH=/notes/, in Chromium', () => {
  beforeAll(async () => {
    ({ site, browser, close } = await browseBuiltSite({ base: '/notes/' }));
  });
  afterAll(() => close?.());

  it('reads, navigates, searches and previews under /notes/ with every request answered', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${site.origin}/notes/`);
    await page.getByRole('link', { name: 'Chapter 1: Introduction to Data Science on AWS' }).first().click();
    await page.waitForURL('**/notes/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/');
    await page.locator('.note-body a', { hasText: 'Amazon SageMaker > Studio' }).hover();
    await expect.poll(() => page.locator('#link-preview .preview-target').textContent()).toMatch(/^Studio/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.type('Glue');
    const first = page.locator('#site-search-panel ol[aria-label="Results for Glue"] .search-result-title').first();
    await expect.poll(() => first.textContent()).toBe('AWS Glue');
    await first.click();
    await page.waitForURL(/\/notes\/services\/aws-glue\/\?highlight=glue/i);
    expect(await page.locator('h1').textContent()).toBe('AWS Glue');
    expect(failed).toEqual([]);
    await page.close();
  });
});
