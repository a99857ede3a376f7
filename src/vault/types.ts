/**
 * The model a build makes of a vault, as plain data: what every stage of
 * `buildVault` hands on, and what the pages render. Its strings are branded (brands.ts).
 */
import type { Href, PageLink, Slug, VaultPath } from './brands.ts';
import type { MoreOfList, Pagination } from './list-types.ts';
import type { Property } from './property-types.ts';
export type { Property, PropertyText, PropertyValue } from './property-types.ts';
export * from './brands.ts';
export type * from './list-types.ts';
export type * from './input-types.ts';
export type * from './problem-types.ts';
import type { Service } from './input-types.ts';
import type { Problem } from './problem-types.ts';
export type { ObsidianSettings } from './read/obsidian-settings.ts';

/** A note in Markdown, or in MDX, which @astrojs/mdx compiles; or a canvas (`.canvas`) or a base (`.base`), each a page of its own. */
export type NoteFormat = 'md' | 'mdx' | 'canvas' | 'base';



/** A passage elsewhere that links to a page, or names it. */
export interface Backlink {
  from: PageLink;
  /** Headings above the passage on its page, outermost first. */
  trail: string[];
  excerpt: string;
  /** The spot the passage stands at: the nearest heading above it. */
  href: Href;
  file: VaultPath;
  line: number;
}

export interface TocEntry {
  depth: number;
  text: string;
  id: string;
}

export interface ChapterOutline extends PageLink {
  number: number;
  sections: { text: string; href: Href }[];
}

export interface ServiceLink {
  name: string;
  href: Href;
}

/** The services a section of a note links to or names, which the page lists after its H2. */
export interface SectionServices {
  /** Where that H2 ends in the note's `html`. */
  at: number;
  services: ServiceLink[];
}

/** How a resolved wiki-link is written out. */
export type LinkRendering =
  | { kind: 'link'; href: string; className: string[]; title?: string }
  | { kind: 'text' };

interface PageCommon extends PageLink {
  backlinks: Backlink[];
  /** The page's own list (a note's backlinks, a folder's notes, a tag's pages) is longer than the page shows: where the rest is. */
  more?: MoreOfList;
}

/** What a published note contributes to its page. */
export interface NoteContent {
  source: VaultPath;
  format: NoteFormat;
  /** The body, rendered. For an MDX note, which @astrojs/mdx compiles, `links` is what counts. */
  html: string;
  /** The services each section names, in the order of the sections. */
  sectionServices: SectionServices[];
  /** How each wiki-link of the note is written out, in document order. */
  links: LinkRendering[];
  toc: TocEntry[];
  tags: TagLink[];
  /** The page has nothing but its title: a chapter not written yet. */
  empty: boolean;
  description?: string;
  /** The start of its first paragraph (or list item, or table cell), as plain text: for a summary where the note gives no `description`. */
  intro?: string;
  /** ISO dates from `date` and `updated`; `updated` falls back to the file's time. */
  created?: string;
  updated?: string;
  /** The note's `cssclasses`. */
  cssClasses: string[];
  /** Its properties as Obsidian shows them above its text (on a book's first page only); none when `showProperties` is off. */
  properties: Property<LinkRendering>[];
}

export interface NotePage extends PageCommon, NoteContent {
  kind: 'note' | 'book' | 'chapter';
  /** The folder the note stands in, '' at the vault's top. */
  folder: string;
  /** For a book's landing page and its chapters: the book. */
  book?: PageLink;
  /** For a book's landing page: its chapters with their H2 outline. */
  chapters?: ChapterOutline[];
  /** For a chapter: its place in the book. */
  chapter?: { number: number; of: number; previous?: PageLink; next?: PageLink };
  /** Every service the page links to or names. */
  services: ServiceLink[];
}

/** Passages gathered on a page because they link to it, grouped by the heading they name. */
export interface PassageSection {
  /** The heading the links name, or none for links to the name alone. */
  heading?: string;
  id: string;
  /** Every passage that links to it, in vault order. */
  backlinks: Backlink[];
  /** What the page lists here, in vault order: each passage once on the page (for a hub's links to its name, those naming it too). */
  passages: Backlink[];
  /** The other sections that list some of this section's passages. */
  listedUnder: { heading: string; id: string }[];
  /** The section's passages are more than the page shows: where they are all listed. */
  more?: MoreOfList;
}

/** A name that links point at but no note carries yet. */
export interface StubPage extends PageCommon {
  kind: 'stub';
  /** The target as first written, folders included. */
  target: string;
  /** The folder the target names, '' for a bare name. */
  folder: string;
  sections: PassageSection[];
}

/** A service's hub: what the catalog says, the vault's note on it if any, and every passage about it. */
export interface ServicePage extends PageCommon {
  kind: 'service';
  service: Service;
  /** The service's category on the services page. */
  category: { name: string; href: Href };
  note?: NoteContent;
  /** Passages that link to the service, by the sub-feature they name. */
  sections: PassageSection[];
  /** Passages that name the service without linking to it, each line once. */
  mentions: Backlink[];
  /** Passages that link to or name it, each listed once: the count the services page gives. */
  passageCount: number;
}

export interface TagLink {
  tag: string;
  href: Href;
}

export interface TagPage extends PageCommon {
  kind: 'tag';
  tag: string;
  pages: PageLink[];
  children: (TagLink & { count: number })[];
  parent?: TagLink;
}

/** A folder of the vault as a page: its notes and its subfolders. The vault's top is the folder ''. */
export interface FolderPage extends PageCommon {
  kind: 'folder';
  /** The folder's path in the vault; '' for the top. */
  folder: string;
  notes: PageLink[];
  folders: (PageLink & { count: number })[];
  /** The folders above, outermost first. */
  parents: PageLink[];
}

/** One page of a list too long for its owner's page: a note's backlinks, a hub's or stub's section, a folder's or tag's pages. */
export interface ListPage extends PageCommon {
  kind: 'list';
  owner: PageLink;
  /** What the list is, after the owner's name: `Linked from`, a hub's sub-feature, `Notes`. */
  what: string;
  pagination: Pagination;
  items: { kind: 'passages'; passages: Backlink[] } | { kind: 'links'; links: PageLink[] };
}

export type Page = NotePage | StubPage | ServicePage | TagPage | FolderPage | ListPage;

/** An address that leads to a page (a note's former address since its permalink moved it, or an alias's), never where one is: a small page of its own. */
export interface Redirect extends PageLink {
  to: PageLink;
}

export interface BuildStats {
  notesRead: number;
  notesPublished: number;
  notesPrivate: number;
  notesUnreadable: number;
  pagesWritten: number;
  links: number;
  linksResolved: number;
  linksToStubs: number;
  linksToPrivate: number;
}

export interface ServiceSummary extends ServiceLink {
  category: string;
  summary: string;
  /** Passages that link to or name it. */
  passages: number;
}

export interface Vault {
  base: string;
  /** The site's name. */
  title: string;
  pages: Page[];
  bySlug: ReadonlyMap<Slug, Page>;
  /** Each book, with its chapters and its folder. */
  books: (PageLink & { chapters: PageLink[]; folder: string })[];
  /** Notes that are not books or service hubs, in path order, with their folder. */
  notes: (PageLink & { folder: string })[];
  /** A page per folder of notes, by folder path ('' is the vault's top). */
  folders: ReadonlyMap<string, FolderPage>;
  /** The catalog's services by category, categories and services in alphabetical order. */
  services: { category: string; id: string; services: ServiceSummary[] }[];
  tags: (TagLink & { count: number })[];
  stubs: PageLink[];
  redirects: Redirect[];
  /** Images, PDFs, audio and video that pages show, to be copied beside them. */
  attachments: { path: VaultPath; href: Href }[];
  /** The published `.mdx` notes, which @astrojs/mdx compiles, with how their links are written out. */
  mdxNotes: ReadonlyMap<VaultPath, NoteContent>;
  /** What the notes use that the site loads only when some note does: KaTeX's stylesheet, Mermaid's script. */
  uses: { math: boolean; diagrams: boolean };
  problems: Problem[];
  stats: BuildStats;
}
