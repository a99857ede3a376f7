/**
 * Branded strings, so that a file's place in the vault, a page's slug and a
 * finished href cannot be passed for one another by mistake.
 */

/** A note's path inside the vault, `/`-separated, with its extension: `Topic Notes/S3.md`. */
export type VaultPath = string & { readonly __brand: 'VaultPath' };

/** A page's address below the site root, lower case, no leading or trailing slash: `data-science-on-aws/chapter-1`. The home page is `''`. */
export type Slug = string & { readonly __brand: 'Slug' };

/** A URL as it is written into the HTML, base path included: `/notes/data-science-on-aws/#summary`. */
export type Href = string & { readonly __brand: 'Href' };

/** An element id on a page, as rehype-slug or a block marker gave it. */
export type ElementId = string & { readonly __brand: 'ElementId' };

export const asVaultPath = (path: string): VaultPath =>
  path.replace(/\\/g, '/').replace(/^\/+/, '') as VaultPath;
export const asSlug = (slug: string): Slug => slug.replace(/^\/+|\/+$/g, '') as Slug;
export const asElementId = (id: string): ElementId => id as ElementId;

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

/**
 * `hrefFor` with each page's address worked out once: a build asks for the
 * same pages' addresses hundreds of thousands of times (every link, backlink
 * and list entry), and encoding them was a tenth of building the model.
 */
export function hrefsFor(base: string): (slug: Slug, fragment?: string) => Href {
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
