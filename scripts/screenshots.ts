/**
 * Screenshots of a chapter page in each theme, for the README: builds the
 * shipped vault, serves it and photographs it in Debian's Chromium.
 * Usage: npm run screenshots
 */
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { projectRoot } from '../tests/helpers/fixtures.ts';
import { serveSite } from '../tests/helpers/serve.ts';

const CHAPTER = '/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/';
const build = await buildSite();
if (build.code !== 0) {
  console.error(build.output);
  process.exit(1);
}
const site = await serveSite(build.outDir);
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1360, height: 900 } });
    await page.goto(`${site.origin}${CHAPTER}`);
    const file = path.join(projectRoot, 'tests', 'e2e', 'screenshots', `chapter-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(projectRoot, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
