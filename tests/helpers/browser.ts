import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { buildSite } from './build-site.ts';
import { serveSite, type StaticSite } from './serve.ts';

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium)';

/** A CI run, where a test that cannot run must fail rather than be skipped. */
export const inCI = process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI.trim());

/**
 * Whether the browser tests run. Without Chromium they are skipped, with the
 * command that installs it, except in CI: there they run, and fail with
 * that command, so that a green CI never means the browser was never started.
 */
export const runBrowserTests = existsSync(CHROMIUM) || inCI;

if (!existsSync(CHROMIUM)) {
  console.warn(
    inCI
      ? `\n!!! Browser tests FAIL: CI is set and there is no Chromium at ${CHROMIUM}.\n!!! Install it with: ${INSTALL_CHROMIUM}\n`
      : `\n!!! Browser tests SKIPPED: no Chromium at ${CHROMIUM}.\n!!! Install it with: ${INSTALL_CHROMIUM}\n`,
  );
}

/** Starts Chromium, or fails saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium, and there is none at ${CHROMIUM}. Install it with: ${INSTALL_CHROMIUM}`);
  try {
    return await chromium.launch({
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
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} could not be started (${(error as Error).message.split('\n')[0]}). Install it with: ${INSTALL_CHROMIUM}`);
  }
}

export interface BrowsedSite {
  site: StaticSite;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts Chromium, builds a vault for real and serves it on loopback (under its base path): what every browser test begins with. */
export async function browseBuiltSite(options: { contentDir?: string; base?: string } = {}): Promise<BrowsedSite> {
  // The browser first: without one, there is no use building.
  const browser = await launchBrowser();
  const build = await buildSite(options);
  if (build.code !== 0) {
    await browser.close();
    throw new Error(`the build failed (exit ${build.code}):\n${build.output.slice(-4000)}`);
  }
  const site = await serveSite(build.outDir, options.base ?? '/');
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
