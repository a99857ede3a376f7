import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { buildSite } from './build-site.ts';
import { serveSite, type StaticSite } from './serve.ts';

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(
    `\n!!! Browser tests SKIPPED: no Chromium at ${CHROMIUM}.\n!!! Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)\n`,
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface BrowsedSite {
  site: StaticSite;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds a vault for real, serves it on loopback (under its base path) and starts Chromium: what every browser test begins with. */
export async function browseBuiltSite(options: { contentDir?: string; base?: string } = {}): Promise<BrowsedSite> {
  const build = await buildSite(options);
  if (build.code !== 0) throw new Error(`the build failed (exit ${build.code}):\n${build.output.slice(-4000)}`);
  const site = await serveSite(build.outDir, options.base ?? '/');
  const browser = await launchBrowser();
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
