import { inCI, launchBrowser } from './browser.ts';

/**
 * Vitest's global setup: in CI, the run stops at once, with the command that
 * installs Chromium, when Chromium cannot be started, rather than reporting
 * the browser tests as skipped or failing each of them after a build.
 */
export default async function checkBrowser(): Promise<void> {
  if (!inCI) return;
  const browser = await launchBrowser();
  await browser.close();
}
