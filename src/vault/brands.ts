/**
 * The strings the model tells apart by type, so that a file's place in the
 * vault, a page's slug and a finished href cannot be passed for one another
 * by mistake; and a link to a page, made of them.
 */

/** A note's path inside the vault, `/`-separated, with its extension: `Topic Notes/S3.md`. */
export type VaultPath = string & { readonly __brand: 'VaultPath' };

/** A page's address below the site root, lower case, no leading or trailing slash: `data-science-on-aws/chapter-1`. The home page is `''`. */
export type Slug = string & { readonly __brand: 'Slug' };

/** A URL as it is written into the HTML, base path included: `/notes/data-science-on-aws/#summary`. */
export type Href = string & { readonly __brand: 'Href' };

/** An element id on a page, as rehype-slug or a block marker gave it. */
export type ElementId = string & { readonly __brand: 'ElementId' };

export const asVaultPath = (path: string): VaultPath => path.replace(/\\/g, '/').replace(/^\/+/, '') as VaultPath;
export const asSlug = (slug: string): Slug => slug.replace(/^\/+|\/+$/g, '') as Slug;
export const asElementId = (id: string): ElementId => id as ElementId;

/** A link to a page, as lists and navigation show it. */
export interface PageLink {
  title: string;
  slug: Slug;
  href: Href;
}
