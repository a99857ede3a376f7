import * as pagefind from 'pagefind';
import type { AtomicOutDir } from './atomic-out-dir.ts';
import { indexMatches, keepIndex, recordFingerprint, siteFingerprint } from './site-fingerprint.ts';

/**
 * The one place the site's search index is made: after `npm run build`'s
 * Astro process has exited (src/cli/build.ts), or at the end of a plain
 * `astro build` (src/integrations/quire.ts).
 */
export type IndexResult = { ok: true; pages: number } | { ok: false; errors: string[] };

/** `astro build --unindexed`: write the site where `--outDir` says, without its search index; the caller indexes it and puts it in place. */
export const UNINDEXED_FLAG = '--unindexed';

/** Builds the Pagefind index of the written site, in `outDir/pagefind/`. Every error Pagefind reports fails the build. */
export async function indexSite(outDir: string): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) return { ok: false, errors };
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) return { ok: false, errors: added.errors };
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) return { ok: false, errors: written.errors };
    return { ok: true, pages: added.page_count };
  } finally {
    await pagefind.close();
  }
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
  const fingerprint = siteFingerprint(outDir.staging);
  if (await indexMatches(outDir.final, fingerprint)) {
    await keepIndex(outDir.final, outDir.staging);
    say(`search index: no page changed since the last build, so its index is kept (${seconds()} s)`);
  } else {
    const indexed = await indexSite(outDir.staging);
    if (!indexed.ok) return { ok: false, message: `Pagefind could not index ${outDir.staging}:\n${indexed.errors.join('\n')}\nThe previous site, if any, is left in place.` };
    await recordFingerprint(outDir.staging, fingerprint);
    say(`search index: ${indexed.pages} pages indexed in ${seconds()} s`);
  }
  await outDir.swap();
  say(`site written to ${outDir.final}`);
  return { ok: true };
}
