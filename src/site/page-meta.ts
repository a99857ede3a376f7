import type { Page, TocEntry } from '../vault/index.ts';

/** A value search results can be filtered by: the page's type, its services, chapter, tags. */
export interface SearchFilter {
  key: 'type' | 'service' | 'chapter' | 'tag';
  value: string;
}

/** What search may filter a page by; undefined for the pages search leaves out (stubs, tag and folder pages). */
export function searchFilters(page: Page): SearchFilter[] | undefined {
  const tags = (list: readonly { tag: string }[]): SearchFilter[] => list.map((t) => ({ key: 'tag', value: t.tag }));
  if (page.kind === 'service') return [{ key: 'type', value: 'service' }, { key: 'service', value: page.service.name }, ...tags(page.note?.tags ?? [])];
  if (page.kind === 'stub' || page.kind === 'tag' || page.kind === 'folder') return undefined;
  return [
    { key: 'type', value: page.kind === 'note' ? 'note' : 'chapter' },
    ...(page.book ? [{ key: 'chapter' as const, value: page.title }] : []),
    ...page.services.map((s): SearchFilter => ({ key: 'service', value: s.name })),
    ...tags(page.tags),
  ];
}

/** The page's summary for search engines and link previews. */
export function descriptionOf(page: Page): string | undefined {
  if (page.kind === 'service') return page.service.summary;
  return page.kind === 'stub' || page.kind === 'tag' || page.kind === 'folder' ? undefined : page.description;
}

/** The page's contents list: a hub's note's headings, then its sections of passages. */
export function contentsOf(page: Page): TocEntry[] {
  if (page.kind === 'service') {
    return [
      ...(page.note?.toc ?? []),
      ...page.sections.map((s) => ({ depth: 2, text: s.heading ?? 'Linked from', id: s.id })),
      ...(page.mentions.length ? [{ depth: 2, text: 'Also mentioned in', id: 'also-mentioned-in' }] : []),
    ];
  }
  return page.kind === 'stub' || page.kind === 'tag' || page.kind === 'folder' ? [] : page.toc;
}
