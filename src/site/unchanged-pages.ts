/**
 * The pages and redirects a build took unchanged from the last site
 * (src/integrations/kept-pages.ts), shared through globalThis as the
 * settings are: the integration links them into the new site before the
 * routes list their pages, and the routes leave them out, so Astro neither
 * renders them nor writes over the linked files. This module imports
 * nothing, so the routes' module graph gains nothing by reading it.
 */
const UNCHANGED = Symbol.for('quire.unchangedPages');
const shared = globalThis as Record<symbol, ReadonlySet<string> | undefined>;

/** The file a page or redirect at `slug` is written to, from the site's folder: `folder/note/index.html`. */
export const pageFile = (slug: string): string => (slug ? `${slug}/index.html` : 'index.html');

export function shareUnchangedPages(files: ReadonlySet<string>): void {
  shared[UNCHANGED] = files;
}

/** Whether this build took the page or redirect at `slug` from the last site; never so in `astro dev`. */
export function isUnchanged(slug: string): boolean {
  return shared[UNCHANGED]?.has(pageFile(slug)) ?? false;
}
