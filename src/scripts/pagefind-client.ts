/** A section of a result: the text under one heading with an id (see pagefind.app/docs/api). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Positions of the matching words in the page's text. */
  locations: number[];
  /** The heading this section starts at; none for the text before the first heading. */
  anchor?: { element: string; id: string; text?: string; location: number };
}

/** The slice of Pagefind's browser API that Quire uses (see pagefind.app/docs/api). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  locations: number[];
  /** The page's indexed text, its words at the positions `locations` count. */
  content: string;
}

/** Counts by filter and value, for the results of one search. */
export type FilterCounts = Record<string, Record<string, number>>;

/** How a search narrows its results: each filter to any of the values given. An empty list narrows nothing, but loads that filter's values. */
export type SearchFilters = Record<string, { any: string[] }>;

export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  /** For each filter whose values are loaded, how many of the results have each value. */
  filters: FilterCounts;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: { filters?: SearchFilters }, timeout?: number): Promise<PagefindSearch | null>;
}

/**
 * The site mixes short pages that are about one thing (a service's hub, which
 * carries its name and aliases at the highest weight) with long chapters that
 * mention many things. Counting weighted occurrences more than their share of
 * the page, and letting repeated names keep adding, ranks the page about a
 * term above pages that merely mention it.
 */
const RANKING = { termFrequency: 0.5, termSaturation: 2.0 };

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads the site's Pagefind bundle once, on first use. It is written by
 * `npm run build`; under `npm run dev` there is none, and the caller says so.
 * Filter values are not loaded here: a search loads a filter's values only
 * once the reader opens it (search-filters.ts), which keeps a query light.
 */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: base, excerptLength: 26, ranking: RANKING });
    await api.init();
    return api;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
