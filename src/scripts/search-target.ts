import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import type { PagefindResultData, PagefindSubResult } from './pagefind-client.ts';

/** Where a result leads: the section of the page that answers the query best, with the query to mark there. */
export interface ResultTarget {
  href: string;
  /** The section it leads to, when not the top of the page. */
  section?: PagefindSubResult;
}

export const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether the page's matching words include the query's words one after another, somewhere in `locations`. */
export function hasRun(locations: readonly number[], length: number): boolean {
  if (length <= 1) return locations.length > 0;
  const at = new Set(locations);
  return locations.some((start) => Array.from({ length: length - 1 }, (_, i) => start + i + 1).every((next) => at.has(next)));
}

/**
 * The section a result should open at. Pagefind splits each page at its
 * headings with ids (sub-results); the best is one whose heading holds the
 * whole query, else the first where the query's words stand together, else
 * the one with the most matching words. The top of the page (no heading)
 * wins only when it is where the query stands.
 */
export function bestSection(result: PagefindResultData, query: string): PagefindSubResult | undefined {
  const wanted = words(query);
  const phrase = wanted.join(' ');
  const sections = result.sub_results;
  if (!phrase || sections.length === 0) return undefined;
  const anchored = sections.filter((section) => section.anchor);
  const titled = anchored.find((section) => words(section.title).join(' ').includes(phrase));
  if (titled) return titled;
  const together = sections.find((section) => hasRun(section.locations, wanted.length));
  if (together) return together.anchor ? together : undefined;
  const most = [...sections].sort((a, b) => b.locations.length - a.locations.length)[0];
  return most?.anchor && most.locations.length > 0 ? most : undefined;
}

/**
 * An excerpt of the text before the page's first heading, around its first
 * matching word, as Pagefind writes them (words, matches in `<mark>`); none
 * when the query is not there. For a result whose best section says nothing
 * but its heading (a hub's sub-feature): the page's own opening says more.
 */
export function openingExcerpt(result: PagefindResultData, length = 26): string | undefined {
  const end = Math.min(...result.sub_results.flatMap((section) => (section.anchor ? [section.anchor.location] : [])));
  const first = result.locations.find((at) => at < end);
  if (first === undefined) return undefined;
  const all = result.content.split(/\s+/);
  const start = Math.max(0, Math.min(first - 8, end - length));
  const hits = new Set(result.locations);
  const escape = (word: string) => word.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  return all
    .slice(start, Math.min(end, start + length))
    .map((word, i) => (hits.has(start + i) ? `<mark>${escape(word)}</mark>` : escape(word)))
    .join(' ');
}

/** `url` with the query to mark, before its fragment. */
export function withHighlight(url: string, query: string): string {
  const parsed = new URL(url, location.href);
  parsed.searchParams.set(HIGHLIGHT_PARAM, query.trim());
  return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}

export function targetOf(result: PagefindResultData, query: string): ResultTarget {
  const section = bestSection(result, query);
  return { href: withHighlight(section?.url ?? result.url, query), ...(section ? { section } : {}) };
}
