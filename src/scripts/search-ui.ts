import { loadPagefind, type PagefindApi, type PagefindResultData } from './pagefind-client.ts';

/** The filters a reader can narrow results by, in the order the chips show them. */
const FILTER_KEYS = ['type', 'service', 'chapter', 'tag'] as const;
const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = { type: 'Type', service: 'Service', chapter: 'Chapter', tag: 'Tag' };
const TYPE_LABELS: Record<string, string> = { service: 'Services', chapter: 'Chapters', note: 'Notes' };

export interface SearchOptions {
  input: HTMLInputElement;
  /** Where results and filters are drawn. */
  panel: HTMLElement;
  bundle: string;
  base: string;
  /** The header's box shows a few results and the type filter; the search page shows everything. */
  mode: 'popover' | 'page';
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

export class Search {
  private api: PagefindApi | undefined;
  private selected: Record<string, string[]> = {};
  private available: Record<string, Record<string, number>> = {};
  private generation = 0;
  private readonly options: SearchOptions;

  constructor(options: SearchOptions) {
    this.options = options;
    options.input.setAttribute('aria-controls', options.panel.id);
    options.input.addEventListener('input', () => void this.run());
    options.input.addEventListener('keydown', (event) => this.onKey(event));
    options.panel.addEventListener('keydown', (event) => this.onKey(event));
  }

  async start(): Promise<void> {
    try {
      this.api = await loadPagefind(this.options.bundle, this.options.base);
      this.available = await this.api.filters();
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
    const search = await this.api.debouncedSearch(query, { filters: this.selected }, 120);
    if (!search || generation !== this.generation) return;
    const limit = mode === 'popover' ? 6 : 20;
    const results = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    if (generation !== this.generation) return;
    this.draw(query, results, search.results.length);
  }

  private draw(query: string, results: PagefindResultData[], total: number) {
    const { panel, mode, base } = this.options;
    const list = element('ol', { className: 'search-results', id: `${panel.id}-list` });
    list.setAttribute('aria-label', `Results for ${query}`);
    results.forEach((result, index) => {
      const title = result.meta.title ?? result.url;
      const type = result.filters.type?.[0];
      const link = element('a', { href: result.url, className: 'search-result-title' }, title);
      const item = element('li', { className: 'search-result', id: `${panel.id}-result-${index}` }, link);
      if (type) item.prepend(element('span', { className: `search-type search-type-${type}` }, type));
      item.append(element('p', { className: 'search-excerpt' }, ...excerptNodes(result.excerpt)));
      const subs = result.sub_results.filter((sub) => sub.url !== result.url && sub.title !== title).slice(0, mode === 'popover' ? 2 : 4);
      if (subs.length) {
        item.append(
          element('ul', { className: 'search-subresults' }, ...subs.map((sub) => element('li', {}, element('a', { href: sub.url }, sub.title), element('span', { className: 'search-excerpt' }, ' — ', ...excerptNodes(sub.excerpt))))),
        );
      }
      list.append(item);
    });
    const status = element('p', { className: 'search-status' }, total === 0 ? `No results for “${query}”.` : `${total} ${total === 1 ? 'page' : 'pages'} found`);
    status.setAttribute('role', 'status');
    const parts: Node[] = [this.filterChips(), status, list];
    if (mode === 'popover' && total > 0) {
      parts.push(element('a', { className: 'search-more', href: `${base}search/?q=${encodeURIComponent(query)}` }, 'All results and filters →'));
    }
    panel.replaceChildren(...parts);
    panel.hidden = false;
  }

  /** Chips that narrow the results, one group per filter; the header's box offers only the page type. */
  private filterChips(): HTMLElement {
    const keys = this.options.mode === 'popover' ? (['type'] as const) : FILTER_KEYS;
    const box = element('div', { className: 'search-filters' });
    for (const key of keys) {
      const values = Object.keys(this.available[key] ?? {}).sort();
      if (!values.length) continue;
      const group = element('div', { className: 'search-filter-group' });
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', FILTER_LABELS[key]);
      group.append(element('span', { className: 'search-filter-label' }, `${FILTER_LABELS[key]}:`));
      for (const value of values) {
        const on = this.selected[key]?.includes(value) ?? false;
        const chip = element('button', { type: 'button', className: 'search-chip' }, key === 'type' ? TYPE_LABELS[value] ?? value : value);
        chip.setAttribute('aria-pressed', String(on));
        chip.dataset.filter = key;
        chip.dataset.value = value;
        chip.addEventListener('click', () => {
          const current = this.selected[key] ?? [];
          const next = on ? current.filter((v) => v !== value) : [...current, value];
          if (next.length) this.selected[key] = next;
          else delete this.selected[key];
          void this.run().then(() => (this.options.panel.querySelector<HTMLElement>(`[data-filter="${key}"][data-value="${CSS.escape(value)}"]`))?.focus());
        });
        group.append(chip);
      }
      box.append(group);
    }
    return box;
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
