import { SlugClaims } from '../slug.ts';
import { asSlug, asVaultPath, type Backlink, type ListPage, type MoreOfList, type Page, type PageLink, type PassageSection, type Slug } from '../types.ts';
import type { Site } from './types.ts';
import { passageTotal } from './list-once.ts';

/**
 * How long the lists a page carries may grow before the rest moves to pages
 * of their own: a page stays about the same size whatever the vault's size.
 */
export const LIST_LIMITS = {
  /** Passages linking to a note that its own page lists. */
  backlinks: 20,
  /** Passages on each page of a list of them. */
  passagesPerPage: 50,
  /** Links on each page of a folder's or a tag's list, the folder's or tag's own page included. */
  linksPerPage: 100,
  /** A hub or stub lists every passage when it has no more than this many in all… */
  hubPassages: 60,
  /** …else each section its first few: more for the links to the name than for each sub-feature, and none past the fortieth. */
  sectionPreview: { general: 10, feature: 3, features: 40 },
} as const;

const link = ({ title, slug, href }: PageLink): PageLink => ({ title, slug, href });

export interface ListPages {
  /** Every page given, in the same order; those whose lists are cut say where the rest is. */
  pages: Page[];
  /** The pages of the lists that were cut, after the pages given. */
  lists: ListPage[];
  taken: ReadonlySet<Slug>;
}

/**
 * The lists that grow with the vault (a note's backlinks, a hub's or stub's
 * passages, a folder's notes, a tag's pages) cut to what their page shows,
 * and the rest on pages of their own, each at an address claimed after every
 * other page's: a list's page gives way to a note. A clash is not reported:
 * the author never named these addresses.
 */
export function paginateLists(pages: readonly Page[], taken: ReadonlySet<Slug>, site: Site): ListPages {
  const claims = new SlugClaims(taken);
  const lists: ListPage[] = [];
  const pagesOf = (owner: PageLink, what: string, slugs: (n: number) => Slug, chunks: ListPage['items'][], first?: PageLink): PageLink[] => {
    const made = chunks.map((_, i) => {
      const slug = claims.claim(slugs(i), asVaultPath(`${owner.slug}/`));
      return { title: `${owner.title}: ${what}${chunks.length + (first ? 1 : 0) > 1 ? ` (page ${i + (first ? 2 : 1)})` : ''}`, slug, href: site.href(slug) };
    });
    const all = first ? [first, ...made] : made;
    chunks.forEach((items, i) => {
      const at = i + (first ? 1 : 0);
      const previous = all[at - 1];
      const next = all[at + 1];
      const pagination = { number: at + 1, count: all.length, first: all[0]!, last: all[all.length - 1]!, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
      lists.push({ kind: 'list', ...made[i]!, owner: link(owner), what, pagination, items, backlinks: [] });
    });
    return made;
  };
  /** A list of passages: all of them on pages of their own, from the first. */
  const passagePages = (owner: PageLink, what: string, base: string, passages: readonly Backlink[], shown: number): MoreOfList => {
    const chunks = chunked(passages, LIST_LIMITS.passagesPerPage).map((part): ListPage['items'] => ({ kind: 'passages', passages: part }));
    const made = pagesOf(owner, what, (i) => asSlug(i === 0 ? base : `${base}/${i + 1}`), chunks);
    return { total: passages.length, shown, href: made[0]!.href };
  };
  /** A list of links: the first page is the owner's own, the others follow it. */
  const linkPages = (owner: PageLink, what: string, links: readonly PageLink[]): MoreOfList => {
    const per = LIST_LIMITS.linksPerPage;
    const chunks = chunked(links.slice(per), per).map((part): ListPage['items'] => ({ kind: 'links', links: part.map(link) }));
    const made = pagesOf(owner, what, (i) => asSlug(`${owner.slug}/${i + 2}`), chunks, link(owner));
    return { total: links.length, shown: per, href: made[0]!.href };
  };

  const cut = pages.map((page): Page => {
    if ((page.kind === 'note' || page.kind === 'book' || page.kind === 'chapter') && page.backlinks.length > LIST_LIMITS.backlinks) {
      return { ...page, more: passagePages(page, 'Linked from', `${page.slug}/linked-from`, page.backlinks, LIST_LIMITS.backlinks) };
    }
    if ((page.kind === 'service' || page.kind === 'stub') && passageTotal(page.sections) > LIST_LIMITS.hubPassages) {
      return { ...page, sections: previews(page.sections).map(({ section, shown }) => (section.passages.length > shown ? { ...section, more: passagePages(page, section.heading ?? 'Linked from', `${page.slug}/${section.id}`, section.passages, shown) } : section)) };
    }
    if (page.kind === 'folder' && page.notes.length > LIST_LIMITS.linksPerPage) return { ...page, more: linkPages(page, 'Notes', page.notes) };
    if (page.kind === 'tag' && page.pages.length > LIST_LIMITS.linksPerPage) return { ...page, more: linkPages(page, 'Pages', page.pages) };
    return page;
  });
  return { pages: cut, lists, taken: claims.taken };
}

/** How many passages each section of a large hub or stub shows on the page itself. */
function previews(sections: readonly PassageSection[]): { section: PassageSection; shown: number }[] {
  const { general, feature, features } = LIST_LIMITS.sectionPreview;
  let nth = 0;
  return sections.map((section) => ({ section, shown: section.heading === undefined ? general : nth++ < features ? feature : 0 }));
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
