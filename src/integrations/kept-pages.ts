import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A build writes a whole new site beside the last one (atomic-out-dir.ts).
 * Astro's incremental build skips rendering a page whose cache key is
 * unchanged, but copies its last output into the new site: at 10,000 pages
 * that copying was a quarter of a rebuild. A page Astro will skip, and whose
 * file in the last site was written for the same key by the same code, is
 * linked into the new site instead; Astro then finds it there and leaves it.
 *
 * A linked file is shared by both sites, so it must never be written again:
 * it is linked only when Astro's own manifest says it will skip the page
 * (same key), and when this record says the last site's file was written
 * for that key, by the same code and settings, and is still the same file.
 */
/** The record of one output folder: a vault built into two folders keeps one for each. */
const recordFile = (cacheDir: string, site: string) => path.join(cacheDir, `quire-pages-${createHash('sha256').update(site).digest('hex').slice(0, 16)}.json`);
const ASTRO_MANIFEST = 'incremental-build.json';
const PAGE_ROUTE = 'src/pages/[...slug].astro';

interface Record {
  /** The site these files were published to. */
  site: string;
  /** What rendering depends on besides a page's key: the code, the lockfile, the settings. */
  inputs: string;
  /** By output file: the key it was written for, and the file as it was (a link keeps its inode). */
  pages: { [file: string]: { key: string; ino: number; size: number; mtimeMs: number } };
}

/** What every page's HTML depends on besides its own cache key: Quire's code, the packages, the site's settings. */
export function renderInputs(root: string, settings: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    if (existsSync(path.join(root, file))) hash.update(file).update(readFileSync(path.join(root, file)));
  }
  const src = path.join(root, 'src');
  for (const name of readdirSync(src, { recursive: true }).map(String).sort()) {
    const full = path.join(src, name);
    if (statSync(full).isFile()) hash.update(name).update(readFileSync(full));
  }
  return hash.digest('hex');
}

/** `page-slug/index.html` → its cache key: the output files of the pages a build keys. */
export type KeyedFiles = ReadonlyMap<string, string>;

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Links into `staging` the last site's pages that Astro will skip and that were written for the same key; says how many. */
export async function keepUnchangedPages(options: { cacheDir: string; site: string; staging: string; inputs: string; keys: KeyedFiles }): Promise<number> {
  const { cacheDir, site, staging, inputs, keys } = options;
  const record = readJson<Record>(recordFile(cacheDir, site));
  if (!record || record.site !== site || record.inputs !== inputs) return 0;
  const astro = readJson<{ version?: number; routes?: { [route: string]: { paths?: { [path: string]: { cacheKey?: string; outputFile?: string; contentHashes?: object } } } } }>(path.join(cacheDir, ASTRO_MANIFEST));
  if (astro?.version !== 1) return 0;
  // A page that renders a content entry (an MDX note) is rendered again when the entry changes, whatever its key: never linked.
  const skipped = new Map(Object.values(astro.routes?.[PAGE_ROUTE]?.paths ?? {}).filter((entry) => !entry.contentHashes).map((entry) => [entry.outputFile, entry.cacheKey]));
  let kept = 0;
  for (const [file, key] of keys) {
    const written = record.pages[file];
    if (!written || written.key !== key || skipped.get(file) !== key) continue;
    const last = path.join(site, file);
    const now = statSync(last, { throwIfNoEntry: false });
    if (!now || now.ino !== written.ino || now.size !== written.size || now.mtimeMs !== written.mtimeMs) continue;
    const target = path.join(staging, file);
    await mkdir(path.dirname(target), { recursive: true });
    await link(last, target);
    kept++;
  }
  return kept;
}

/** Notes which key each page of the new site was written for, to be published to `site`. */
export async function recordPages(options: { cacheDir: string; site: string; staging: string; inputs: string; keys: KeyedFiles }): Promise<void> {
  const { cacheDir, site, staging, inputs, keys } = options;
  const pages: Record['pages'] = {};
  for (const [file, key] of keys) {
    const written = statSync(path.join(staging, file), { throwIfNoEntry: false });
    if (written) pages[file] = { key, ino: written.ino, size: written.size, mtimeMs: written.mtimeMs };
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(recordFile(cacheDir, site), JSON.stringify({ site, inputs, pages } satisfies Record));
}
