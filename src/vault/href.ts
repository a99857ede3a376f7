import type { Href, Slug, VaultPath } from './types.ts';

/** The site's base path, normalised to start and end with `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The href of a page, with an optional fragment. Every internal URL in the output is made here. */
export function hrefFor(base: string, slug: Slug, fragment?: string): Href {
  const path = slug ? `${normalizeBase(base)}${slug.split('/').map(encodeURIComponent).join('/')}/` : normalizeBase(base);
  return (fragment ? `${path}#${encodeURIComponent(fragment)}` : path) as Href;
}

/** `hrefFor` for one base, as every stage of a build uses it. */
export type HrefOf = (slug: Slug, fragment?: string) => Href;

/**
 * `hrefFor` with each page's address worked out once: a build asks for the
 * same pages' addresses hundreds of thousands of times (every link, backlink
 * and list entry), and encoding them was a tenth of building the model.
 */
export function hrefsFor(base: string): HrefOf {
  const pages = new Map<Slug, Href>();
  return (slug, fragment) => {
    let page = pages.get(slug);
    if (page === undefined) pages.set(slug, (page = hrefFor(base, slug)));
    return (fragment ? `${page}#${encodeURIComponent(fragment)}` : page) as Href;
  };
}

/** Where an attachment of the vault is served: `/base/attachments/Images/Figure 1.png`, each segment encoded. */
export function attachmentHref(base: string, path: VaultPath): Href {
  return `${normalizeBase(base)}attachments/${path.split('/').map(encodeURIComponent).join('/')}` as Href;
}
