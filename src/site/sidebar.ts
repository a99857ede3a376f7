import type { PageLink, Slug, Vault } from '../vault/index.ts';

/** How many notes or subfolders of a folder the sidebar lists before linking to the folder's page. */
export const LIST_LIMIT = 40;
/** In a larger folder, a note's sidebar lists this many of its neighbours on each side of it. */
export const NEIGHBOURS = 15;
/** Up to this many chapters in all, every book's are listed; beyond, only the current book's. */
const FEW_CHAPTERS = 60;
/** Up to this many services, each is listed by name; beyond, only their categories. */
const FEW_SERVICES = 60;

/**
 * What the sidebar shows on every page, taken from the model once: the
 * books, the services, the site's own lists. Only this reaches the
 * sidebar, so a page's cache key (cache-keys.ts) can hash exactly what it shows.
 */
export interface SiteNav {
  base: string;
  books: (PageLink & { chapters: PageLink[] })[];
  /** Few enough chapters in the whole vault to list every book's. */
  allChapters: boolean;
  services: { id: string; category: string; count: number; services?: { name: string; href: string }[] }[];
  hasNotes: boolean;
  hasTags: boolean;
}

/** The folder the sidebar lists on a page, cut to what it shows. */
export interface FolderNav {
  folder: string;
  title: string;
  slug: Slug;
  href: string;
  parents: PageLink[];
  folders: (PageLink & { count: number })[];
  /** The folder's first notes, or in a large folder the current note and its neighbours. */
  notes: PageLink[];
  /** How many of the folder's notes come before those listed. */
  before: number;
  /** More notes or subfolders than are listed. */
  more: boolean;
  noteCount: number;
}

const navs = new WeakMap<Vault, SiteNav>();

/** A link and nothing else of the page it names: what the sidebar draws, and so what the page keys hash. */
const link = ({ title, slug, href }: PageLink): PageLink => ({ title, slug, href });

export function siteNav(vault: Vault): SiteNav {
  let nav = navs.get(vault);
  if (nav) return nav;
  const serviceCount = vault.services.reduce((n, group) => n + group.services.length, 0);
  nav = {
    base: vault.base,
    books: vault.books.map((book) => ({ ...link(book), chapters: book.chapters.map(link) })),
    allChapters: vault.books.reduce((n, book) => n + book.chapters.length, 0) <= FEW_CHAPTERS,
    services: vault.services.map((group) => ({
      id: group.id,
      category: group.category,
      count: group.services.length,
      ...(serviceCount <= FEW_SERVICES ? { services: group.services.map((service) => ({ name: service.name, href: service.href })) } : {}),
    })),
    hasNotes: vault.notes.length > 0,
    hasTags: vault.tags.length > 0,
  };
  navs.set(vault, nav);
  return nav;
}

interface FolderNavs {
  /** By folder and the first note listed. */
  made: Map<string, FolderNav | undefined>;
  /** Each note's place in its folder's notes, books aside (the sidebar lists them apart). */
  places: Map<Slug, number>;
  /** Each folder's notes, books aside. */
  notes: Map<string, PageLink[]>;
}
const folderNavs = new WeakMap<Vault, FolderNavs>();

/**
 * The folder whose notes the sidebar lists on a page: the page's own folder, or the folder page itself; the vault's top otherwise.
 * A folder of many notes shows a window of them around the current note, so the sidebar stays the same size in a folder of 3,000.
 * Made once per folder and window, for every page that shows it and for their cache keys.
 */
export function folderNav(vault: Vault, current: string | undefined): FolderNav | undefined {
  const page = current === undefined ? undefined : vault.bySlug.get(current as Slug);
  const path = page?.kind === 'folder' ? page.folder : page?.kind === 'note' ? page.folder : '';
  let navs = folderNavs.get(vault);
  if (!navs) {
    const books = new Set(vault.books.map((book) => book.slug));
    navs = { made: new Map(), places: new Map(), notes: new Map() };
    for (const folder of vault.folders.values()) {
      const notes = folder.notes.filter((note) => !books.has(note.slug));
      navs.notes.set(folder.folder, notes);
      notes.forEach((note, i) => navs!.places.set(note.slug, i));
    }
    folderNavs.set(vault, navs);
  }
  const notes = navs.notes.get(path) ?? [];
  const count = notes.length;
  const at = page?.kind === 'note' && count > LIST_LIMIT ? navs.places.get(page.slug) : undefined;
  const start = at === undefined ? 0 : Math.max(0, Math.min(at - NEIGHBOURS, count - (2 * NEIGHBOURS + 1)));
  const size = at === undefined ? LIST_LIMIT : 2 * NEIGHBOURS + 1;
  const key = `${path}\0${start}\0${size}`;
  if (!navs.made.has(key)) navs.made.set(key, navOfFolder(vault, path, notes, start, size));
  return navs.made.get(key);
}

function navOfFolder(vault: Vault, path: string, notes: readonly PageLink[], start: number, size: number): FolderNav | undefined {
  const folder = vault.folders.get(path);
  if (!folder || (notes.length === 0 && folder.folders.length === 0)) return undefined;
  return {
    folder: folder.folder,
    title: folder.title,
    slug: folder.slug,
    href: folder.href,
    parents: folder.parents.map(link),
    folders: folder.folders.slice(0, LIST_LIMIT).map((sub) => ({ ...link(sub), count: sub.count })),
    notes: notes.slice(start, start + size).map(link),
    before: start,
    more: notes.length > size || folder.folders.length > LIST_LIMIT,
    noteCount: notes.length,
  };
}
