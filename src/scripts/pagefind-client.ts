/** The slice of Pagefind's browser API that Quire uses (see pagefind.app/docs/api). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string,
    options?: { filters?: Record<string, string[]> },
    timeout?: number,
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

/** The query parameter that carries a search's terms to the page it opens, to highlight them there. */
export const HIGHLIGHT_PARAM = 'highlight';

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
 */
export function loadPagefind(bundle: string, base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: base, highlightParam: HIGHLIGHT_PARAM, excerptLength: 26, ranking: RANKING });
    await api.init();
    return api;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
