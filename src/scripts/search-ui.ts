import { loadPagefind, type PagefindApi, type PagefindResultData } from './pagefind-client.ts';
import { FilterBar, type FilterKey } from './search-filters.ts';
import { hasRun, openingExcerpt, targetOf, withHighlight, words } from './search-target.ts';

const TYPE_LABELS: Record<string, string> = { book: 'book', chapter: 'chapter', note: 'note', service: 'service' };

export interface SearchOptions {
  input: HTMLInputElement;
  /** Where results and filters are drawn. */
  panel: HTMLElement;
  bundle: string;
  base: string;
  /** The header's box shows a few results; the search page shows more, and filters. */
  mode: 'popover' | 'page';
  /** The search page's filters: those the site has values for, and the order of their values. */
  filters?: { keys: readonly FilterKey[]; order: Partial<Record<FilterKey, readonly string[]>> };
}

/** Pagefind's excerpts are text with `<mark>` around matches: rebuild them as nodes so nothing else can slip through as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * Search as the reader types. Each result leads to the section of its page
 * that answers the query (search-target.ts), and the page opened there marks
 * the phrase searched for (highlight.ts).
 */
export class Search {
  private api: PagefindApi | undefined;
  private readonly filters: FilterBar | undefined;
  private generation = 0;
  private readonly options: SearchOptions;

  constructor(options: SearchOptions) {
    this.options = options;
    if (options.mode === 'page' && options.filters?.keys.length) this.filters = new FilterBar({ ...options.filters, onChange: () => this.run() });
    options.input.setAttribute('aria-controls', options.panel.id);
    options.input.addEventListener('input', () => void this.run());
    options.input.addEventListener('keydown', (event) => this.onKey(event));
    options.panel.addEventListener('keydown', (event) => this.onKey(event));
  }

  async start(): Promise<void> {
    try {
      this.api = await loadPagefind(this.options.bundle, this.options.base);
    } catch {
      this.options.panel.replaceChildren(
        element('p', { className: 'search-message' }, 'Search needs the index that the build writes: run ', element('code', {}, 'npm run build'), ' (or ', element('code', {}, 'npm start'), ') and open the built site.'),
      );
      this.options.panel.hidden = false;
      return;
    }
    if (this.options.input.value.trim()) await this.run();
  }

  private async run(): Promise<void> {
    const { input, panel, mode } = this.options;
    const query = input.value.trim();
    if (mode === 'page') {
      const url = new URL(location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }
    if (!this.api) return;
    const generation = ++this.generation;
    if (!query) {
      panel.replaceChildren();
      panel.hidden = mode === 'popover';
      return;
    }
    const search = await this.api.debouncedSearch(query, { filters: this.filters?.searchFilters() ?? {} }, 120);
    if (!search || generation !== this.generation) return;
    const limit = mode === 'popover' ? 6 : 20;
    const results = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    if (generation !== this.generation) return;
    this.filters?.update(search.filters);
    this.draw(query, results, search.results.length);
  }

  private draw(query: string, results: PagefindResultData[], total: number) {
    const { panel, mode, base } = this.options;
    const list = element('ol', { className: 'search-results', id: `${panel.id}-list` });
    list.setAttribute('aria-label', `Results for ${query}`);
    results.forEach((result, index) => list.append(this.item(result, query, index)));
    const status = element('p', { className: 'search-status' }, total === 0 ? `No results for “${query}”.` : `${total} ${total === 1 ? 'page' : 'pages'} found`);
    status.setAttribute('role', 'status');
    const parts: Node[] = [status, ...(this.filters ? [this.filters.element] : []), list];
    if (mode === 'popover' && total > 0) {
      parts.push(element('a', { className: 'search-more', href: `${base}search/?q=${encodeURIComponent(query)}` }, 'All results, with filters →'));
    }
    panel.replaceChildren(...parts);
    panel.hidden = false;
  }

  /** A result: its type, its title leading to the section that answers best, that section's excerpt, and a few other sections that match. */
  private item(result: PagefindResultData, query: string, index: number): HTMLLIElement {
    const { panel, mode } = this.options;
    const title = result.meta.title ?? result.url;
    const target = targetOf(result, query);
    const type = result.filters.type?.[0];
    const heading = element('p', { className: 'search-result-heading' });
    if (type) heading.append(element('span', { className: `search-type search-type-${type}` }, TYPE_LABELS[type] ?? type));
    heading.append(element('a', { href: target.href, className: 'search-result-title' }, title));
    // A section's excerpt starts at its heading; one that says no more than its heading (a hub's sub-feature) gives way to the page's.
    const section = target.section;
    const sectionSays = section ? words(section.excerpt.replace(/<\/?mark>/g, '')).join(' ') : '';
    const excerpt = section && sectionSays !== words(section.title).join(' ') ? section.excerpt : ((section && openingExcerpt(result)) ?? result.excerpt);
    if (section && section.title !== title && (excerpt !== section.excerpt || !sectionSays.startsWith(words(section.title).slice(0, 4).join(' ')))) {
      heading.append(element('span', { className: 'search-result-section' }, ` › ${section.title}`));
    }
    const item = element('li', { className: 'search-result', id: `${panel.id}-result-${index}` }, heading);
    item.append(element('p', { className: 'search-excerpt' }, ...excerptNodes(excerpt)));
    // Other sections where the query stands, its words together.
    const length = words(query).length;
    const others = result.sub_results.filter((sub) => sub.anchor && sub !== section && sub.title !== title && hasRun(sub.locations, length)).slice(0, mode === 'popover' ? 1 : 3);
    if (others.length) {
      item.append(element('ul', { className: 'search-subresults' }, ...others.map((sub) => element('li', {}, element('a', { href: withHighlight(sub.url, query) }, sub.title)))));
    }
    return item;
  }

  /** Arrow keys move between the input and the results' titles (real focus, so Enter follows a link); Escape goes back. */
  private onKey(event: KeyboardEvent) {
    const { input, panel, mode } = this.options;
    const titles = [...panel.querySelectorAll<HTMLAnchorElement>('.search-result-title')];
    const at = titles.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (mode === 'popover') panel.hidden = true;
      input.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (!titles.length || (event.target !== input && at === -1)) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else titles[Math.min(next, titles.length - 1)]!.focus();
  }
}
