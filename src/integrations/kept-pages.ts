import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A build writes a whole new site beside the last one (atomic-out-dir.ts).
 * A page whose key (src/site/cache-keys.ts) is the one its file in the last
 * site was written for, by the same code and settings, is linked into the new
 * site instead of rendered; the routes leave it out (src/site/unchanged-pages.ts),
 * so Astro neither renders it nor writes it. A linked file is shared by both
 * sites, so it must never be written again: it is linked only when this record
 * says the last site's file was written for that key and is still the same file.
 */
/** The record of one output folder: a vault built into two folders keeps one for each. */
const recordFile = (cacheDir: string, site: string) => path.join(cacheDir, `quire-pages-${createHash('sha256').update(site).digest('hex').slice(0, 16)}.json`);

export interface PageRecord {
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

/** `page-slug/index.html` → its cache key: the output files of the pages and redirects a build keys. */
export type KeyedFiles = ReadonlyMap<string, string>;

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The record of the last site published to `site`, read once per build for the folders made aside and the pages kept. */
export function lastRecord(cacheDir: string, site: string): PageRecord | undefined {
  const record = readJson<PageRecord>(recordFile(cacheDir, site));
  return record?.site === site ? record : undefined;
}

/** Makes each folder, and the folders above it, on a thread of its own; settles when it is done, whether or not it could make them all. */
const MAKE_FOLDERS = `const { mkdirSync } = require('node:fs');
for (const folder of require('node:worker_threads').workerData) mkdirSync(folder, { recursive: true });`;

/** Folders made in the staging folder for the last site's pages, while the model is built. */
export interface FoldersAside {
  /** Settles once they are made. */
  made: Promise<void>;
  /** The page files they were made for. */
  files: readonly string[];
}

/**
 * Makes in `staging`, on another thread, the folder of every page of the last
 * site. Most pages of a rebuild are linked from the last site, each into a
 * folder of its own, and on some disks making 15,000 folders takes seconds of
 * the kernel's time: made while the main thread builds the model, they cost the
 * build next to nothing. A folder no page lands in is removed again
 * (`removeUnusedFolders`). A folder that could not be made is made again where
 * a page is linked into it, which then says what is wrong.
 */
export function makeFoldersAside(record: PageRecord | undefined, staging: string): FoldersAside {
  const files = Object.keys(record?.pages ?? {});
  const folders = [...new Set(files.map((file) => path.dirname(path.join(staging, file))))];
  if (!folders.length) return { made: Promise.resolve(), files };
  const made = new Promise<void>((resolve) => {
    const worker = new Worker(MAKE_FOLDERS, { eval: true, workerData: folders });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return { made, files };
}

/** Removes the folders made aside for pages that were neither linked nor rendered (a note deleted or moved), and the folders above them left empty. */
export function removeUnusedFolders(staging: string, aside: FoldersAside, kept: ReadonlySet<string>): void {
  for (const file of aside.files) {
    if (kept.has(file) || existsSync(path.join(staging, file))) continue;
    for (let folder = path.dirname(path.join(staging, file)); folder.startsWith(`${staging}${path.sep}`); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty: it holds another page
      }
    }
  }
}

/**
 * Links into `staging` the last site's pages that were written for the same key; answers their files.
 * Synchronous calls: nothing else runs while the build waits for this, and at 10,000 pages that
 * takes a quarter of the time of awaiting a `link` for each. Each folder is made once, if
 * `makeFoldersAside` has not made it already.
 */
export function keepUnchangedPages(options: { record: PageRecord | undefined; staging: string; inputs: string; keys: KeyedFiles }): Set<string> {
  const { record, staging, inputs, keys } = options;
  const kept = new Set<string>();
  if (!record || record.inputs !== inputs) return kept;
  const site = record.site;
  const made = new Set<string>();
  for (const [file, key] of keys) {
    const written = record.pages[file];
    if (!written || written.key !== key) continue;
    const last = path.join(site, file);
    const now = statSync(last, { throwIfNoEntry: false });
    if (!now || now.ino !== written.ino || now.size !== written.size || now.mtimeMs !== written.mtimeMs) continue;
    const target = path.join(staging, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkSync(last, target);
    kept.add(file);
  }
  return kept;
}

/** Notes which key each page of the new site was written for, to be published to `site`. */
export async function recordPages(options: { cacheDir: string; site: string; staging: string; inputs: string; keys: KeyedFiles }): Promise<void> {
  const { cacheDir, site, staging, inputs, keys } = options;
  const pages: PageRecord['pages'] = {};
  for (const [file, key] of keys) {
    const written = statSync(path.join(staging, file), { throwIfNoEntry: false });
    if (written) pages[file] = { key, ino: written.ino, size: written.size, mtimeMs: written.mtimeMs };
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(recordFile(cacheDir, site), JSON.stringify({ site, inputs, pages } satisfies PageRecord));
}
