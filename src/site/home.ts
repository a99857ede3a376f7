import type { FolderPage, NotePage, Page, PageLink, ServiceSummary, Vault } from '../vault/index.ts';
import { plainText } from './feeds.ts';

/** How many of each list the home page shows: it stays the same size whatever the vault's size. */
export const HOME_LIMITS = { chapters: 60, books: 20, folders: 40, notes: 20, recent: 10, linked: 10, stubs: 20, services: 60 } as const;

export interface ChapterSummary extends PageLink {
  number: number;
  /** Its H2 sections. */
  sections: number;
  words: number;
}

/** What the home page shows, worked out once per model. */
export interface Home {
  /** The vault is one book and nothing else: the home page is the book's. */
  book?: { page: NotePage; chapters: ChapterSummary[] };
  /** The vault's own home note (`index.md` or `Home.md` at its top), whose text opens the home page. */
  homeNote?: NotePage;
  books: (PageLink & { chapters: number })[];
  folders: FolderPage['folders'];
  /** Notes at the vault's top, when it has no home note. */
  notes: PageLink[];
  recent: (PageLink & { updated: string })[];
  /** The pages most passages link to (or, for a service, name). */
  linked: (PageLink & { count: number; kind: Page['kind'] })[];
  /** Every service by category, as the services page lists them; categories alone when there are many. */
  services: { category: string; id: string; count: number; services?: ServiceSummary[] }[];
  serviceCount: number;
  stubs: PageLink[];
  stubCount: number;
}

const link = ({ title, slug, href }: PageLink): PageLink => ({ title, slug, href });
const isNote = (page: Page): page is NotePage => page.kind === 'note' || page.kind === 'book' || page.kind === 'chapter';
const wordsOf = (html: string) => plainText(html).split(' ').filter(Boolean).length;

const homes = new WeakMap<Vault, Home>();

export function homeOf(vault: Vault): Home {
  let home = homes.get(vault);
  if (home) return home;
  const notes = vault.pages.filter(isNote);
  const only = vault.books.length === 1 && vault.notes.length === 0 ? vault.books[0]! : undefined;
  const bookPage = only ? (vault.bySlug.get(only.slug) as NotePage) : undefined;
  // A note at the vault's top named index or home: the pattern admits no folder.
  const homeNote = notes.find((page) => page.kind === 'note' && /^(index|home)\.mdx?$/i.test(page.source));
  const serviceCount = vault.services.reduce((n, group) => n + group.services.length, 0);
  const root = vault.folders.get('');
  home = {
    ...(bookPage ? { book: { page: bookPage, chapters: chaptersOf(vault, bookPage) } } : {}),
    ...(homeNote ? { homeNote } : {}),
    books: vault.books.slice(0, HOME_LIMITS.books).map((book) => ({ ...link(book), chapters: book.chapters.length })),
    folders: (root?.folders ?? []).slice(0, HOME_LIMITS.folders),
    notes: homeNote ? [] : (root?.notes ?? []).slice(0, HOME_LIMITS.notes).map(link),
    recent: notes
      .filter((page): page is NotePage & { updated: string } => page.kind === 'note' && page.updated !== undefined && page !== homeNote)
      .sort((a, b) => b.updated.localeCompare(a.updated) || a.slug.localeCompare(b.slug))
      .slice(0, HOME_LIMITS.recent)
      .map((page) => ({ ...link(page), updated: page.updated })),
    linked: vault.pages
      .flatMap((page) => {
        const count = page.kind === 'service' ? page.passageCount : isNote(page) || page.kind === 'stub' ? page.backlinks.length : 0;
        return count > 0 ? [{ ...link(page), count, kind: page.kind }] : [];
      })
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
      .slice(0, HOME_LIMITS.linked),
    services: vault.services.map((group) => ({ category: group.category, id: group.id, count: group.services.length, ...(serviceCount <= HOME_LIMITS.services ? { services: group.services } : {}) })),
    serviceCount,
    stubs: vault.stubs.slice(0, HOME_LIMITS.stubs).map(link),
    stubCount: vault.stubs.length,
  };
  homes.set(vault, home);
  return home;
}

/** A book's chapters with how much each holds. */
function chaptersOf(vault: Vault, book: NotePage): ChapterSummary[] {
  return (book.chapters ?? []).slice(0, HOME_LIMITS.chapters).map((chapter) => {
    const page = vault.bySlug.get(chapter.slug) as NotePage | undefined;
    return { ...link(chapter), number: chapter.number, sections: chapter.sections.length, words: page && !page.empty ? wordsOf(page.html) : 0 };
  });
}
