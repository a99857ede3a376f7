import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AtomicOutDir } from './atomic-out-dir.ts';
import { pagefindPackage } from './pagefind-package.ts';
import { indexMatches, keepIndex, recordFingerprint, siteFingerprint } from './site-fingerprint.ts';
import { sitePages } from './site-pages.ts';

/**
 * The one place the site's search index is made: after `npm run build`'s
 * Astro process has exited (src/cli/build.ts), or at the end of a plain
 * `astro build` (src/integrations/quire.ts).
 */
export type IndexResult = { ok: true } | { ok: false; error: string };

/** `astro build --unindexed`: write the site where `--outDir` says, without its search index; the caller indexes it and puts it in place. */
export const UNINDEXED_FLAG = '--unindexed';

/** Pagefind reads settings from `PAGEFIND_*` variables too; the index is made with Quire's alone. */
const withoutPagefindSettings = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('PAGEFIND_')));

/**
 * Builds the Pagefind index of the written site, in `site/pagefind/`. Any
 * error Pagefind reports fails the build, with its message.
 *
 * Pagefind runs as its own command rather than through its Node API: the
 * API's service mode writes the same index more slowly (a median of 14.9 s
 * against 13.5 s for 14,735 pages, six runs each). It runs in an empty
 * folder, since it also reads a `pagefind.yml`, `.toml` or `.json` from
 * where it runs, and nothing there may steer it.
 */
export async function indexSite(site: string): Promise<IndexResult> {
  const { binary } = await pagefindPackage();
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'quire-pagefind-'));
  try {
    const { code, output } = await run(binary, ['--site', site, '--output-path', path.join(site, 'pagefind'), '--silent'], cwd);
    return code === 0 ? { ok: true } : { ok: false, error: output.trim() || `Pagefind stopped with exit code ${code}` };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** Runs a command to its end; what it printed, both streams together. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: withoutPagefindSettings(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', (error) => resolve({ code: null, output: `could not run ${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Indexes the site written to the staging folder, then puts it in place of
 * the last one. When no page changed since the last build, the last index is
 * kept (Pagefind can only make an index anew). On failure the last site stays
 * as it was; the message says why.
 */
export async function indexAndPublish(outDir: AtomicOutDir, say: (line: string) => void): Promise<{ ok: true } | { ok: false; message: string }> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const pagefind = await pagefindPackage().catch((error: Error) => error);
  if (pagefind instanceof Error) return { ok: false, message: `Pagefind could not be found: ${pagefind.message}\nThe previous site, if any, is left in place.` };
  const pages = sitePages(outDir.staging);
  const fingerprint = siteFingerprint(outDir.staging, pages, pagefind.version);
  if (await indexMatches(outDir.final, fingerprint)) {
    await keepIndex(outDir.final, outDir.staging);
    say(`search index: no page changed since the last build, so its index is kept (${seconds()} s)`);
  } else {
    const indexed = await indexSite(outDir.staging);
    if (!indexed.ok) return { ok: false, message: `Pagefind could not index ${outDir.staging}:\n${indexed.error}\nThe previous site, if any, is left in place.` };
    await recordFingerprint(outDir.staging, fingerprint);
    say(`search index: ${pages.length} pages indexed in ${seconds()} s`);
  }
  await outDir.swap();
  say(`site written to ${outDir.final}`);
  return { ok: true };
}
