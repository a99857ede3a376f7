import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Vault } from '../vault/index.ts';
import { sitePages } from './site-pages.ts';

interface Weight {
  html: number;
  css: number;
  js: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * What a first visit to each kind of page downloads, gzipped as a server
 * would send it: the HTML, the stylesheets it links and the scripts it loads
 * before any interaction (search, previews and the graph load later, on use).
 * Prints the largest page of each kind (largest on disk, then gzipped).
 */
export async function pageWeights(vault: Vault, outDir: string): Promise<string[]> {
  const assetSizes = new Map<string, number>();
  const assetSize = async (url: string) => {
    if (!url.startsWith(vault.base)) return 0;
    const file = path.join(outDir, decodeURIComponent(url.slice(vault.base.length)));
    let size = assetSizes.get(file);
    if (size === undefined) {
      size = await readFile(file).then((bytes) => gzipSync(bytes).length, () => 0);
      assetSizes.set(file, size);
    }
    return size;
  };
  const redirects = new Set<string>(vault.redirects.map((redirect) => redirect.slug));
  const kindOf = (relative: string): string => {
    const slug = relative.replace(/(^|\/)index\.html$/, '').replace(/\/$/, '');
    const page = vault.bySlug.get(slug as never);
    if (page) return page.kind;
    if (redirects.has(slug)) return 'redirect';
    return slug === '' ? 'home' : slug === '404.html' ? '404' : slug;
  };
  // The largest page of each kind by size on disk; only those are gzipped, so the report stays quick on big sites.
  const biggest = new Map<string, { file: string; relative: string; size: number }>();
  // Measured synchronously: awaiting each file took seconds for 10,000 pages.
  for (const page of sitePages(outDir)) {
    const full = path.join(outDir, page);
    const relative = page.split(path.sep).join('/');
    const kind = kindOf(relative);
    const { size } = statSync(full);
    if (size > (biggest.get(kind)?.size ?? -1)) biggest.set(kind, { file: full, relative, size });
  }
  const largest = new Map<string, { page: string; weight: Weight; total: number }>();
  for (const [kind, { file, relative }] of biggest) {
    const html = await readFile(file, 'utf8');
    const weight: Weight = { html: gzipSync(html).length, css: 0, js: 0 };
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) weight.css += await assetSize(href!);
    for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) weight.js += await assetSize(src!);
    for (const [, inline] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) weight.js += gzipSync(inline!).length;
    largest.set(kind, { page: relative, weight, total: weight.html + weight.css + weight.js });
  }
  return [...largest]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, { page, weight, total }]) => `${kind.padEnd(8)} ${kb(total).padStart(9)} = HTML ${kb(weight.html)} + CSS ${kb(weight.css)} + JS ${kb(weight.js)}  (largest: /${page})`);
}
