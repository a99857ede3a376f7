import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the search index is made from: every page's HTML, with Pagefind's
 * version. Pagefind cannot update an index, only make a new one; when a
 * rebuild changed no page, the last index is kept instead of made again.
 */
const FINGERPRINT = 'quire-pages.sha256';

/** A hash of these pages of a site, by path and bytes, and of the Pagefind version that indexes them. */
export function siteFingerprint(site: string, pages: readonly string[], pagefindVersion: string): string {
  const hash = createHash('sha256').update(`pagefind ${pagefindVersion}\0`);
  for (const page of pages) hash.update(page).update('\0').update(readFileSync(path.join(site, page))).update('\0');
  return hash.digest('hex');
}

/** Whether the site at `previous` has a search index made from pages with this fingerprint. */
export async function indexMatches(previous: string, fingerprint: string): Promise<boolean> {
  return (await readFile(path.join(previous, 'pagefind', FINGERPRINT), 'utf8').catch(() => '')) === fingerprint;
}

/** Records what the index in `site/pagefind/` was made from. */
export function recordFingerprint(site: string, fingerprint: string): Promise<void> {
  return writeFile(path.join(site, 'pagefind', FINGERPRINT), fingerprint);
}

/** The last site's index in the new one: its files are linked, not copied, since neither site writes to them again. */
export async function keepIndex(previous: string, site: string): Promise<number> {
  const from = path.join(previous, 'pagefind');
  const files = readdirSync(from, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of files) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(site, 'pagefind', path.relative(from, source));
    await mkdir(path.dirname(target), { recursive: true });
    await link(source, target);
  }
  return files.length;
}
