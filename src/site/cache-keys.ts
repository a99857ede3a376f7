import { createHash } from 'node:crypto';
import type { Page, Redirect, Slug, Vault } from '../vault/index.ts';
import { sizedLocalGraph } from '../graph/cached.ts';
import { folderNav, siteNav, type FolderNav } from './sidebar.ts';
import { shownOf } from './shown.ts';
import { pageFile } from './unchanged-pages.ts';

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64url');
};

/**
 * A key per page that changes whenever anything the page shows changes, so
 * an unchanged page is taken from the last site instead of rendered
 * (src/integrations/kept-pages.ts). It hashes the data the page's templates
 * read: what the page shows of itself (shown.ts), the site's title and
 * sidebar (sidebar.ts), the sidebar's folder, and what its local graph is
 * drawn from (its nodes, sized: placing them is left to the pages rendered).
 * The templates' own code is in what every page depends on (`renderInputs`).
 */
export function pageCacheKeys(vault: Vault): Map<Slug, string> {
  const site = hash(JSON.stringify({ title: vault.title, base: vault.base, nav: siteNav(vault) }));
  const folders = new Map<FolderNav | undefined, string>();
  const keys = new Map<Slug, string>();
  for (const page of vault.pages as Page[]) {
    const folder = folderNav(vault, page.slug);
    let folderHash = folders.get(folder);
    if (folderHash === undefined) folders.set(folder, (folderHash = hash(JSON.stringify(folder ?? null))));
    keys.set(page.slug, hash(site, folderHash, JSON.stringify(shownOf(page)), JSON.stringify(sizedLocalGraph(vault, page.slug) ?? null)));
  }
  return keys;
}

/** A redirect's page shows the site's title and where it sends the reader. */
const redirectKey = (vault: Vault, redirect: Redirect) => hash(JSON.stringify([vault.title, redirect]));

/** Astro compiles an MDX note itself, from the content collection, so a page that shows one is rendered every time. */
const showsMdx = (page: Page) => (page.kind === 'service' ? page.note?.format : 'format' in page ? page.format : undefined) === 'mdx';

/**
 * The key of every page and redirect a build may take unchanged from the
 * last site, by the file it is written to (`folder/note/index.html`).
 */
export function outputFileKeys(vault: Vault): Map<string, string> {
  const keys = pageCacheKeys(vault);
  const files = new Map<string, string>();
  for (const page of vault.pages as Page[]) if (!showsMdx(page)) files.set(pageFile(page.slug), keys.get(page.slug)!);
  for (const redirect of vault.redirects) files.set(pageFile(redirect.slug), redirectKey(vault, redirect));
  return files;
}
