import { folderOf } from '../link-index.ts';
import { tagKey, tagSlug } from '../prepare/tags.ts';
import type { PreparedNote } from '../prepare/types.ts';
import type { Backlink, LinkRendering, NoteContent, NotePage, PageLink, Property, Service, ServiceLink, Slug, Vault, VaultPath } from '../types.ts';
import { partKey } from './section-services.ts';
import type { Addresses, FinishedNotes, Hubs, SectionServiceMap, Site } from './types.ts';

/** Headings deeper than this stay out of a page's table of contents. */
const TOC_DEPTH = 4;

export interface NotePages {
  pages: NotePage[];
  books: Vault['books'];
  notes: Vault['notes'];
  /** Each note's content as it stands on its first page: a hub shows it, an MDX note's compiler reads its links. */
  contents: ReadonlyMap<VaultPath, NoteContent>;
}

/** The start of a part's text, headings aside: its first paragraphs (or list items, or cells), a `·` between them, about a sentence or two long. */
function introOf(part: PreparedNote['parts'][number]): string | undefined {
  const headingLines = new Set(part.headings.map((h) => h.line));
  let text = '';
  for (const passage of part.passages) {
    if (text.length >= 120) break;
    if (!headingLines.has(passage.line) && passage.text) text = text ? `${text} · ${passage.text}` : passage.text;
  }
  if (text.length <= 200) return text || undefined;
  const cut = text.lastIndexOf(' ', 200);
  return `${text.slice(0, cut > 100 ? cut : 200)} …`;
}

/** What a part of a note shows: its finished body, its contents list, its tags, its dates, and on its first page its properties. */
function contentOf(note: PreparedNote, index: number, finished: FinishedNotes, site: Site, properties: readonly Property<LinkRendering>[]): NoteContent {
  const part = note.parts[index]!;
  const { html, sectionServices, links } = finished.parts.get(part)!;
  const seen = new Set<string>();
  const intro = introOf(part);
  return {
    source: note.path,
    format: note.format,
    html,
    sectionServices,
    links,
    toc: part.headings.filter((h, at) => h.depth <= TOC_DEPTH && !(part.kind === 'chapter' && at === 0)).map((h) => ({ depth: h.depth, text: h.displayText, id: h.id })),
    tags: [...(index === 0 ? note.tags : []), ...part.tags].filter((tag) => !seen.has(tagKey(tag)) && seen.add(tagKey(tag))).map((tag) => ({ tag, href: site.href(tagSlug(tag)) })),
    empty: part.empty,
    ...(intro ? { intro } : {}),
    cssClasses: note.cssClasses,
    properties: index === 0 ? [...properties] : [],
    ...(note.created ? { created: note.created } : {}),
    ...(note.updated ? { updated: note.updated } : {}),
    ...(typeof note.frontmatter.description === 'string' ? { description: note.frontmatter.description } : {}),
  };
}

/**
 * A page per note, or for a book a landing page and a page per chapter,
 * with previous and next. A hub's note gives its content to the hub instead.
 */
export function buildNotePages(
  notes: readonly PreparedNote[],
  addresses: Addresses,
  finished: FinishedNotes,
  sections: SectionServiceMap,
  hubs: Hubs,
  backlinks: ReadonlyMap<Slug, Backlink[]>,
  serviceLink: (service: Service) => ServiceLink,
  site: Site,
  properties: ReadonlyMap<VaultPath, Property<LinkRendering>[]> = new Map(),
): NotePages {
  const contents = new Map<VaultPath, NoteContent>();
  const made: NotePages = { pages: [], books: [], notes: [], contents };
  for (const note of notes) {
    const links = addresses.pages.get(note.path)!;
    const link = (part: number): PageLink => ({ ...links[part]! });
    const chapterLinks = note.parts.slice(1).map((_, i) => link(i + 1));
    note.parts.forEach((part, i) => {
      const content = contentOf(note, i, finished, site, properties.get(note.path) ?? []);
      if (i === 0) contents.set(note.path, content);
      if (hubs.serviceOf.has(note.path)) return;
      const named = [...(sections.get(partKey(note.path, i))?.values() ?? [])].flatMap((set) => [...set]);
      const services = [...new Set(named)].sort((a, b) => a.name.localeCompare(b.name));
      const page: NotePage = { kind: part.kind, ...link(i), folder: folderOf(note.path), ...content, services: services.map(serviceLink), backlinks: backlinks.get(links[i]!.slug) ?? [] };
      if (part.kind !== 'note') page.book = link(0);
      if (part.kind === 'book') page.chapters = chapterLinks.map((chapter, c) => ({ ...chapter, number: c + 1, sections: note.parts[c + 1]!.headings.filter((h) => h.depth === 2).map((h) => ({ text: h.displayText, href: site.href(chapter.slug, h.id) })) }));
      if (part.kind === 'chapter') {
        const previous = chapterLinks[i - 2];
        const next = chapterLinks[i];
        page.chapter = { number: i, of: chapterLinks.length, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
      }
      made.pages.push(page);
    });
    if (hubs.serviceOf.has(note.path)) continue;
    if (note.parts.length > 1) made.books.push({ ...link(0), chapters: chapterLinks, folder: folderOf(note.path) });
    else made.notes.push({ ...link(0), folder: folderOf(note.path) });
  }
  return made;
}
