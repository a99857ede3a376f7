/**
 * Screenshots of every kind of page, in both themes, on a desktop (1366 px)
 * and a phone (390 px), for the README: builds the shipped vault, serves it
 * and photographs it in Debian's Chromium.
 * Usage: npm run screenshots [-- --site dist] [-- --out folder]
 *   --site  photograph a site already built there instead of building one
 *   --out   write the pictures there (tests/e2e/screenshots/ by default)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { projectRoot } from '../tests/helpers/fixtures.ts';
import { serveSite } from '../tests/helpers/serve.ts';

/** One page of each kind the shipped vault has, and what to do before taking its picture. */
const PAGES: { kind: string; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { kind: 'home', path: '/' },
  { kind: 'book', path: '/data-science-on-aws/' },
  { kind: 'chapter', path: '/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/' },
  { kind: 'service', path: '/services/amazon-sagemaker/' },
  { kind: 'services', path: '/services/' },
  { kind: 'stub', path: '/stubs/topic-notes/mlops/data-flows/human-in-the-loop-workflows/' },
  { kind: 'tag', path: '/tags/chrisfregly/' },
  { kind: 'folder', path: '/folders/' },
  { kind: 'search', path: '/search/?q=data+wrangler', ready: (page) => page.locator('.search-status').waitFor() },
  { kind: 'graph', path: '/graph/' },
  { kind: 'not-found', path: '/no-such-page/' },
];
const WIDTHS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

const { values } = parseArgs({ options: { site: { type: 'string' }, out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(projectRoot, 'tests', 'e2e', 'screenshots'));
let dir = values.site ? path.resolve(values.site) : undefined;
if (!dir) {
  const build = await buildSite();
  if (build.code !== 0) {
    console.error(build.output);
    process.exit(1);
  }
  dir = build.outDir;
}
await mkdir(out, { recursive: true });
const site = await serveSite(dir);
const browser = await launchBrowser();
try {
  for (const { kind, path: address, ready } of PAGES) {
    for (const [device, viewport] of Object.entries(WIDTHS)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme: scheme, viewport });
        await page.goto(`${site.origin}${address}`);
        await ready?.(page);
        const file = path.join(out, `${kind}-${device}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.relative(projectRoot, file)}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
