import { passageTotal, type Page, type TocEntry } from '../vault/index.ts';

/** A value search results can be filtered by: the page's type, its services, chapter, tags. */
export interface SearchFilter {
  key: 'type' | 'service' | 'chapter' | 'tag';
  value: string;
}

/** What search may filter a page by; undefined for the pages search leaves out (stubs, tag, folder and list pages). */
export function searchFilters(page: Page): SearchFilter[] | undefined {
  const tags = (list: readonly { tag: string }[]): SearchFilter[] => list.map((t) => ({ key: 'tag', value: t.tag }));
  if (page.kind === 'service') return [{ key: 'type', value: 'service' }, { key: 'service', value: page.service.name }, ...tags(page.note?.tags ?? [])];
  if (page.kind !== 'note' && page.kind !== 'book' && page.kind !== 'chapter') return undefined;
  return [
    { key: 'type', value: page.kind },
    ...(page.kind === 'chapter' ? [{ key: 'chapter' as const, value: page.title }] : []),
    ...page.services.map((s): SearchFilter => ({ key: 'service', value: s.name })),
    ...tags(page.tags),
  ];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The page's summary for search engines and link previews: the note's `description`, else the start of its text, else what the page is. */
export function descriptionOf(page: Page): string {
  switch (page.kind) {
    case 'service':
      return page.service.summary;
    case 'stub':
      return `${page.title} has no page of its own yet; ${plural(passageTotal(page.sections), 'passage')} in the notes link to it.`;
    case 'tag':
      return `${plural(page.pages.length, 'page')} tagged #${page.tag}.`;
    case 'folder':
      return page.folder === '' ? 'Every note, by folder.' : `The notes in ${page.folder}: ${plural(page.notes.length, 'note')}.`;
    case 'list':
      return `${page.owner.title}: ${page.what}, page ${page.pagination.number} of ${page.pagination.count}.`;
    default: {
      const place = page.chapter && page.book ? `Chapter ${page.chapter.number} of ${page.chapter.of} of ${page.book.title}` : undefined;
      if (page.description) return page.description;
      if (page.intro) return place ? `${place}. ${page.intro}` : page.intro;
      return place ? `${place}: no notes yet.` : page.title;
    }
  }
}

/** The page's contents list: a hub's note's headings, then its passages, its sub-features nested; a note's own headings. */
export function contentsOf(page: Page): TocEntry[] {
  if (page.kind === 'service' || page.kind === 'stub') {
    const general = page.sections.find((s) => s.heading === undefined);
    const features = page.sections.filter((s) => s.heading !== undefined);
    return [
      ...(page.kind === 'service' ? (page.note?.toc ?? []) : []),
      ...(general && general.passages.length ? [{ depth: 2, text: passagesHeading(page.kind), id: general.id }] : []),
      ...(features.length ? [{ depth: 2, text: featuresHeading(page.kind), id: FEATURES_ID }] : []),
      ...features.map((s) => ({ depth: 3, text: s.heading!, id: s.id })),
    ];
  }
  return page.kind === 'note' || page.kind === 'book' || page.kind === 'chapter' ? page.toc : [];
}

/** The id of the heading over a hub's or stub's sub-features: one of the layout's ids (src/site/routes.ts), which no section takes. */
export const FEATURES_ID = 'sub-features';
/** What the section of passages about the name as a whole is called. */
export const passagesHeading = (kind: 'service' | 'stub') => (kind === 'service' ? 'In the notes' : 'Linked from');
/** What the sections of passages about one of its parts are called together. */
export const featuresHeading = (kind: 'service' | 'stub') => (kind === 'service' ? 'Features' : 'Headings linked to');
