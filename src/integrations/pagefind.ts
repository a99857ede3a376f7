import * as pagefind from 'pagefind';

export type IndexResult = { ok: true; pages: number } | { ok: false; errors: string[] };

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
