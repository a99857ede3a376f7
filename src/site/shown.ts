import type { Backlink, MoreOfList, Page, PageLink, PassageSection } from '../vault/index.ts';

/**
 * What a page shows of its model, for its cache key (cache-keys.ts). A page
 * holds whole lists (every passage linking to a hub, every page of a tag) but
 * shows only their start and a link to where they continue, so the key takes
 * the start and what the page counts over the whole list. A passage edited far
 * down a hub's list then renders the list page that shows it, not the hub.
 * The templates read the counts from here too, so key and page agree.
 */

/** The first items of a list whose rest continues on pages of its own. */
export const shownPart = <T>(list: readonly T[], more: MoreOfList | undefined): readonly T[] => (more ? list.slice(0, more.shown) : list);

/** The pages the passages of a hub or stub come from, each once, in the order they are listed. */
export function passageSources(sections: readonly PassageSection[]): PageLink[] {
  const sources = new Map<string, PageLink>();
  for (const section of sections) for (const passage of section.passages) if (!sources.has(passage.from.slug)) sources.set(passage.from.slug, passage.from);
  return [...sources.values()];
}

/** A stub's "read next": the first pages that link to it. */
export const READ_NEXT = 5;

const section = (s: PassageSection) => ({ heading: s.heading, id: s.id, listedUnder: s.listedUnder, more: s.more, count: s.passages.length, passages: shownPart(s.passages, s.more) });
const backlinks = (list: readonly Backlink[], more: MoreOfList | undefined) => ({ count: list.length, shown: shownPart(list, more) });

/**
 * The page as its templates read it: lists cut to what the page shows, with
 * their lengths and what is counted over them. What no template of the page
 * reads (a hub's backlinks and mentions, each section's backlinks; the hub's
 * passages merge them) is left out.
 */
export function shownOf(page: Page): unknown {
  switch (page.kind) {
    case 'note':
    case 'book':
    case 'chapter':
      return { ...page, backlinks: backlinks(page.backlinks, page.more) };
    case 'service':
      return { ...page, backlinks: undefined, mentions: undefined, sections: page.sections.map(section), sources: passageSources(page.sections).length };
    case 'stub': {
      const sources = passageSources(page.sections);
      return { ...page, backlinks: undefined, sections: page.sections.map(section), sources: sources.length, readNext: sources.slice(0, READ_NEXT) };
    }
    case 'tag':
      return { ...page, backlinks: undefined, pages: { count: page.pages.length, shown: shownPart(page.pages, page.more) } };
    case 'folder':
      return { ...page, backlinks: undefined, notes: { count: page.notes.length, shown: shownPart(page.notes, page.more) } };
    case 'list':
      return page;
  }
}
