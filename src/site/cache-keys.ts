import { createHash } from 'node:crypto';
import type { Page, Slug, Vault } from '../vault/index.ts';
import { localLayout } from '../graph/cached.ts';
import { folderNav, siteNav, type FolderNav } from './sidebar.ts';

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64url');
};

/** A neighbour's degree in the whole graph only sizes its circle, and `r` says how: a hub that gains a link elsewhere leaves this page as it was. */
const withoutDegree = (key: string, value: unknown) => (key === 'degree' ? undefined : value);

/** Shared by the integration, which keeps unchanged pages before the build renders, and the pages' own module graph. */
const computed = ((globalThis as Record<symbol, WeakMap<Vault, Map<Slug, string>> | undefined>)[Symbol.for('quire.pageKeys')] ??= new WeakMap());

/**
 * For Astro's incremental build: a key per page that changes whenever
 * anything the page shows changes, so an unchanged page is copied from the
 * last build instead of rendered. It hashes the data the page's templates
 * read: the page itself, the site's title and sidebar (sidebar.ts), the
 * sidebar's folder, and its local graph as placed. The templates' own code is Astro's to track.
 */
export function pageCacheKeys(vault: Vault): Map<Slug, string> {
  const known = computed.get(vault);
  if (known) return known;
  const site = hash(JSON.stringify({ title: vault.title, base: vault.base, nav: siteNav(vault) }));
  const folders = new Map<FolderNav | undefined, string>();
  const keys = new Map<Slug, string>();
  for (const page of vault.pages as Page[]) {
    const folder = folderNav(vault, page.slug);
    let folderHash = folders.get(folder);
    if (folderHash === undefined) folders.set(folder, (folderHash = hash(JSON.stringify(folder ?? null))));
    keys.set(page.slug, hash(site, folderHash, JSON.stringify(page), JSON.stringify(localLayout(vault, page.slug) ?? null, withoutDegree)));
  }
  computed.set(vault, keys);
  return keys;
}
