import type { FilterCounts, SearchFilters } from './pagefind-client.ts';

/** The filters a page can be given (src/site/page-meta.ts), in the order the search page offers them. */
export const FILTER_KEYS = ['type', 'chapter', 'service', 'tag'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const LABELS: Record<FilterKey, string> = { type: 'Type', chapter: 'Chapter', service: 'Service', tag: 'Tag' };
const TYPE_LABELS: Record<string, string> = { book: 'Books', chapter: 'Chapters', note: 'Notes', service: 'Services' };
const TYPE_ORDER = ['book', 'chapter', 'note', 'service'];

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export interface FilterBarOptions {
  /** The filters this site has values for. */
  keys: readonly FilterKey[];
  /** Values in the order the site lists them (services as the services page does); others in natural order after them. */
  order: Partial<Record<FilterKey, readonly string[]>>;
  /** Run the search again: a filter was opened or a value chosen. */
  onChange: () => Promise<void>;
}

/**
 * The search page's filters, closed until the reader opens one: only then
 * are that filter's values loaded (a search asks Pagefind for them with an
 * empty list), so a query downloads no filter data it does not show. An open
 * filter offers the values the current results have, with how many have each,
 * in a reader's order: chapters by number, services as the services page
 * lists them. Values chosen in one filter widen each other (any of them).
 */
export class FilterBar {
  readonly element: HTMLElement;
  readonly selected = new Map<FilterKey, string[]>();
  private readonly opened = new Set<FilterKey>();
  private readonly groups = new Map<FilterKey, { details: HTMLDetailsElement; count: HTMLElement; values: HTMLElement }>();
  private readonly options: FilterBarOptions;

  constructor(options: FilterBarOptions) {
    this.options = options;
    this.element = element('div', { className: 'search-filters' });
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Filters');
    this.element.append(element('span', { className: 'search-filter-label' }, 'Filter by'));
    for (const key of options.keys) {
      const count = element('span', { className: 'search-filter-count' });
      const values = element('div', { className: 'search-filter-values' });
      values.setAttribute('role', 'group');
      values.setAttribute('aria-label', LABELS[key]);
      const details = element('details', { className: 'search-filter' }, element('summary', {}, LABELS[key], count), values);
      details.dataset.filterKey = key;
      details.addEventListener('toggle', () => {
        if (!details.open || this.opened.has(key)) return;
        this.opened.add(key);
        values.replaceChildren(element('span', { className: 'search-filter-empty' }, 'Loading…'));
        void options.onChange();
      });
      this.groups.set(key, { details, count, values });
      this.element.append(details);
    }
  }

  /** What a search is narrowed by: the values chosen, and every opened filter, so that its values are loaded and counted. */
  searchFilters(): SearchFilters {
    const filters: SearchFilters = {};
    for (const key of this.opened) filters[key] = { any: [] };
    for (const [key, values] of this.selected) filters[key] = { any: values };
    return filters;
  }

  /** Shows, in each opened filter, the values of the current results with their counts. */
  update(counts: FilterCounts): void {
    for (const [key, group] of this.groups) {
      const chosen = this.selected.get(key) ?? [];
      group.count.textContent = chosen.length ? ` · ${chosen.length}` : '';
      if (!this.opened.has(key)) continue;
      const present = Object.entries(counts[key] ?? {}).filter(([value, n]) => n > 0 || chosen.includes(value));
      const values = present.map(([value]) => value).sort(this.compare(key));
      group.values.replaceChildren(
        ...(values.length ? values.map((value) => this.chip(key, value, counts[key]?.[value] ?? 0, chosen.includes(value))) : [element('span', { className: 'search-filter-empty' }, 'None in these results')]),
      );
    }
  }

  private chip(key: FilterKey, value: string, count: number, on: boolean): HTMLButtonElement {
    const chip = element('button', { type: 'button', className: 'search-chip' }, key === 'type' ? (TYPE_LABELS[value] ?? value) : value, element('span', { className: 'search-chip-count' }, ` ${count}`));
    chip.setAttribute('aria-pressed', String(on));
    chip.dataset.filter = key;
    chip.dataset.value = value;
    chip.addEventListener('click', () => {
      const chosen = this.selected.get(key) ?? [];
      const next = on ? chosen.filter((v) => v !== value) : [...chosen, value];
      if (next.length) this.selected.set(key, next);
      else this.selected.delete(key);
      void this.options.onChange().then(() => this.element.querySelector<HTMLElement>(`[data-filter="${key}"][data-value="${CSS.escape(value)}"]`)?.focus());
    });
    return chip;
  }

  private compare(key: FilterKey): (a: string, b: string) => number {
    const listed = key === 'type' ? TYPE_ORDER : this.options.order[key];
    if (!listed) return natural;
    const rank = new Map(listed.map((value, i) => [value, i]));
    return (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || natural(a, b);
  }
}
