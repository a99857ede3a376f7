import { attachmentHref } from '../href.ts';
import { slugSegment } from '../slug.ts';
import type { BuildOptions, FolderPage, LinkRendering, Page, Problem, Property, ServiceLink, Service, Slug, StubPage, TagPage, Vault, VaultPath } from '../types.ts';
import type { EvaluatedBases } from './evaluate-bases.ts';
import type { HubPages } from './hub-pages.ts';
import type { ListPages } from './list-pages.ts';
import type { NotePages } from './note-pages.ts';
import type { Redirects } from './redirects.ts';
import type { Addresses, Backlinks, Catalog, FinishedNotes, Hubs, Mention, NumberedNotes, Places, PublishedNotes, ResolvedLinks, SectionServiceMap, Site } from './types.ts';

/** What every stage made, in the order they run. */
export interface VaultParts {
  site: Site;
  options: BuildOptions;
  catalog: Catalog;
  published: PublishedNotes;
  hubs: Hubs;
  numbered: NumberedNotes;
  addresses: Addresses;
  resolved: ResolvedLinks;
  gathered: Places;
  mentions: Mention[];
  sections: SectionServiceMap;
  bases: EvaluatedBases;
  finished: FinishedNotes;
  backlinks: Backlinks;
  /** Each note's properties as its first page shows them. */
  properties: ReadonlyMap<VaultPath, Property<LinkRendering>[]>;
  notePages: NotePages;
  hubPages: HubPages;
  stubPages: StubPage[];
  folders: ReadonlyMap<string, FolderPage>;
  tagPages: TagPage[];
  /** The addresses that lead to pages, claimed after every page's. */
  redirects: Redirects;
  /** Every page above, its long lists cut, and the pages that continue them. */
  lists: ListPages;
  serviceLink: (service: Service) => ServiceLink;
  problems: Problem[];
}

/** Whether any page shows math (rendered by KaTeX) or a diagram (drawn by Mermaid in the browser). */
function usesOf(finished: FinishedNotes): Vault['uses'] {
  const uses = { math: false, diagrams: false };
  for (const { html } of finished.parts.values()) {
    uses.math ||= html.includes('class="katex');
    uses.diagrams ||= html.includes('class="mermaid"');
    if (uses.math && uses.diagrams) break;
  }
  return uses;
}

/** The model as the pages read it: every page by address, the site's lists, and the build's report. */
export function assembleVault(parts: VaultParts): Vault {
  const { site, options, catalog, published, notePages, hubPages, stubPages, tagPages, backlinks } = parts;
  const pages: Page[] = [...parts.lists.pages, ...parts.lists.lists];
  const folders = new Map(pages.flatMap((page) => (page.kind === 'folder' ? [[page.folder, page] as const] : [])));
  const { books, notes } = notePages;
  const categories = [...new Set(catalog.services.map((s) => s.category))].sort();
  return {
    base: site.base,
    title: options.title ?? (books.length === 1 && notes.length === 0 ? books[0]!.title : (options.fallbackTitle ?? 'Quire')),
    pages,
    bySlug: new Map<Slug, Page>(pages.map((page) => [page.slug, page])),
    books,
    notes,
    folders,
    services: categories.map((category) => ({
      category,
      id: slugSegment(category),
      services: catalog.services
        .filter((s) => s.category === category)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ ...parts.serviceLink(s), category, summary: s.summary, passages: hubPages.passages.get(s) ?? 0 })),
    })),
    tags: tagPages.filter((page) => !page.parent).map((page) => ({ tag: page.tag, href: page.href, count: page.pages.length })),
    stubs: stubPages.map(({ title, slug, href }) => ({ title, slug, href })),
    redirects: parts.redirects.redirects,
    attachments: [...parts.finished.attachments].sort().map((path) => ({ path, href: attachmentHref(site.base, path) })),
    mdxNotes: new Map(parts.numbered.notes.filter((note) => note.format === 'mdx').map((note) => [note.path, notePages.contents.get(note.path)!])),
    uses: usesOf(parts.finished),
    problems: parts.problems,
    stats: {
      notesRead: published.counts.read,
      notesPublished: published.counts.published,
      notesPrivate: published.counts.private,
      notesUnreadable: published.counts.unreadable,
      pagesWritten: pages.length,
      links: parts.numbered.links.length,
      linksResolved: backlinks.counts.resolved,
      linksToStubs: backlinks.counts.toStubs,
      linksToPrivate: backlinks.counts.toPrivate,
    },
  };
}
