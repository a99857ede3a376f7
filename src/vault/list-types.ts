/** How a list too long for its page continues on pages of its own (stages/list-pages.ts). */
import type { Href, PageLink } from './brands.ts';

/** A list longer than a page shows: how much it shows, and where the whole list is. */
export interface MoreOfList {
  /** Items in the whole list. */
  total: number;
  /** How many of them the page shows: the first ones. */
  shown: number;
  /** The first page of the list that has the rest. */
  href: Href;
}

/** Where one page of a long list stands among the list's pages. */
export interface Pagination {
  /** From 1. */
  number: number;
  count: number;
  first: PageLink;
  previous?: PageLink;
  next?: PageLink;
  last: PageLink;
}
