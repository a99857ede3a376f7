import GithubSlugger from 'github-slugger';
import { blockElementId } from './blocks.ts';
import { findHeading, type Heading } from './headings.ts';
import { didYouMean, type Problem } from './problems.ts';
import { prepareNote, readNote, type LinkOccurrence, type PreparedNote } from './prepare-note.ts';
import type { VaultFiles } from './read-vault.ts';
import type { NoteFormat } from './markdown.ts';
import { finishHtml, type LinkRendering } from './render.ts';
import { buildLinkIndex, resolveNote, type LinkableNote } from './resolve.ts';
import { slugFromPath, SlugRegistry } from './slug.ts';
import { tagKey, tagSlug } from './tags.ts';
import { asElementId, asSlug, hrefFor, normalizeBase, type Href, type Slug, type VaultPath } from './types.ts';

export interface BuildOptions {
  /** The path the site is served under, `/` by default. */
  base?: string;
  /** The site's name; by default the title of a vault that is one book, else `fallbackTitle`. */
  title?: string;
  fallbackTitle?: string;
}

/** A link to a page, as lists and navigation show it. */
export interface PageLink {
  title: string;
  slug: Slug;
  href: Href;
}

/** A passage elsewhere that links to a page. */
export interface Backlink {
  from: PageLink;
  /** Headings above the link on the linking page, outermost first. */
  trail: string[];
  excerpt: string;
  /** The spot the link stands at: the nearest heading above it. */
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

interface PageCommon extends PageLink {
  backlinks: Backlink[];
}

export interface NotePage extends PageCommon {
  kind: 'note' | 'book' | 'chapter';
  source: VaultPath;
  format: NoteFormat;
  /** The body, rendered. For an MDX note, which @astrojs/mdx compiles, `links` is what counts. */
  html: string;
  /** How each wiki-link of the note is written out, in document order. */
  links: LinkRendering[];
  /** The page has nothing but its title: a chapter not written yet. */
  empty: boolean;
  toc: TocEntry[];
  tags: TagLink[];
  /** For a book's landing page and its chapters: the book. */
  book?: PageLink;
  /** For a book's landing page: its chapters with their H2 outline. */
  chapters?: ChapterOutline[];
  /** For a chapter: its place in the book. */
  chapter?: { number: number; of: number; previous?: PageLink; next?: PageLink };
  description?: string;
}

export interface StubSection {
  /** The heading the links name, or none for links to the name alone. */
  heading?: string;
  id: string;
  backlinks: Backlink[];
}

/** A name that links point at but no note carries yet. */
export interface StubPage extends PageCommon {
  kind: 'stub';
  /** The target as first written, folders included. */
  target: string;
  sections: StubSection[];
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

export type Page = NotePage | StubPage | TagPage;

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

export interface Vault {
  base: string;
  /** The site's name. */
  title: string;
  pages: Page[];
  bySlug: ReadonlyMap<Slug, Page>;
  books: (PageLink & { chapters: PageLink[] })[];
  /** Notes that are not books, in path order, with their folder. */
  notes: (PageLink & { folder: string })[];
  tags: (TagLink & { count: number })[];
  stubs: PageLink[];
  problems: Problem[];
  stats: BuildStats;
}

type Resolution =
  | { kind: 'page'; note: VaultPath; slug: Slug; fragment?: string }
  | { kind: 'stub'; key: string; heading?: string }
  | { kind: 'private' };

const fold = (text: string) => text.normalize('NFC').toLowerCase();
const TOC_DEPTH = 4;
const RESERVED_SLUGS = ['tags', 'stubs', 'search', '404', 'pagefind', '_astro'];

/**
 * Reads every note once and builds the whole site model: pages, headings,
 * resolved links, backlinks, stubs for missing notes, tags, books and chapters.
 * Pure: it is given the files and returns data; Astro only renders it.
 */
export function buildVault(files: VaultFiles, options: BuildOptions = {}): Vault {
  const base = normalizeBase(options.base);
  const problems: Problem[] = [];
  const registry = new SlugRegistry();
  // Addresses the site itself uses; a note called `Tags` gets `tags-2`.
  for (const reserved of RESERVED_SLUGS) registry.claim(asSlug(reserved));
  const claim = (wanted: Slug, file: VaultPath, line?: number): Slug => {
    const { slug, clashed } = registry.claim(wanted);
    if (clashed) {
      problems.push({
        rule: 'slug-clash',
        file,
        ...(line ? { line } : {}),
        message: `Its URL /${wanted}/ is taken by another note, so it is published at /${slug}/`,
        hint: 'rename one of the two notes to give each its own URL',
        severity: 'warning',
      });
    }
    return slug;
  };

  for (const file of files.unreadable) {
    problems.push({ rule: 'unreadable-file', file: file.path, message: `Could not be read (${file.reason})`, hint: 'check the file’s permissions', severity: 'error' });
  }

  // 1. Read every note: properties first, since they decide whether it is published.
  const read = files.notes.map(readNote);
  const readable = read.filter((note) => note.ok);
  for (const note of read) if (!note.ok) problems.push(note.problem);
  const published = readable.filter((note) => note.published);
  // Notes that cannot be read are treated as private: links to them must not reveal them.
  const privatePaths = new Set<string>([
    ...readable.filter((note) => !note.published).map((note) => note.path),
    ...read.filter((note) => !note.ok).map((note) => note.path),
  ]);

  // 2. Prepare each published note on its own: parts, heading ids, tags, links.
  const occurrences: LinkOccurrence[] = [];
  let linkCounter = 0;
  const tagHref = (tag: string) => hrefFor(base, tagSlug(tag));
  const prepared: PreparedNote[] = published.map((note) => prepareNote(note, () => linkCounter++, tagHref, occurrences));

  // 3. Give every part a URL: a note's own, then its chapters below it.
  const partSlugs = new Map<VaultPath, Slug[]>();
  for (const note of prepared) {
    const noteSlug = claim(slugFromPath(note.path.replace(/\.mdx?$/i, '')), note.path);
    const slugs = note.parts.map((part, i) => {
      if (i === 0) return noteSlug;
      const h1 = part.headings[0]!;
      return claim(asSlug(`${noteSlug}/${h1.id}`), note.path, h1.line);
    });
    partSlugs.set(note.path, slugs);
  }

  const headingsByNote = new Map<VaultPath, Heading[]>();
  for (const note of prepared) {
    const slugs = partSlugs.get(note.path)!;
    headingsByNote.set(
      note.path,
      note.parts.flatMap((part, i) => part.headings.map((h) => ({ ...h, id: asElementId(h.id), page: slugs[i]! }))),
    );
  }
  const titleOf = (note: PreparedNote, part: number) =>
    part === 0 ? note.title : note.parts[part]!.headings[0]?.displayText ?? note.title;
  const preparedByPath = new Map(prepared.map((note) => [note.path, note]));

  // 4. Resolve every link against maps built once.
  const linkable: (LinkableNote & { published: boolean })[] = [
    ...prepared.map((note) => ({ path: note.path, aliases: note.aliases, published: true })),
    ...[...privatePaths].map((path) => ({ path: path as VaultPath, aliases: [], published: false })),
  ];
  const index = buildLinkIndex(linkable);
  const stubTargets = new Map<string, { target: string; first: LinkOccurrence }>();
  const resolutions = new Map<number, Resolution>();

  const resolve = (link: LinkOccurrence): Resolution => {
    const { target } = link;
    let notePath: VaultPath;
    if (!target.path) {
      notePath = link.from;
    } else {
      const found = resolveNote(index, target.path, link.from);
      if (!found.found) {
        const key = fold(target.path);
        if (!stubTargets.has(key)) stubTargets.set(key, { target: target.path, first: link });
        const suggestion = didYouMean(target.path, index.names);
        problems.push({
          rule: 'unresolved-link',
          file: link.from,
          line: link.line,
          message: `[[${link.raw}]]: no note named “${target.path}”; it links to a stub page`,
          ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
          severity: 'warning',
        });
        return target.headings.length ? { kind: 'stub', key, heading: target.headings[target.headings.length - 1]! } : { kind: 'stub', key };
      }
      if (found.ambiguous) {
        problems.push({
          rule: 'ambiguous-link',
          file: link.from,
          line: link.line,
          message: `[[${link.raw}]]: ${found.ambiguous.length} notes match (${found.ambiguous.map((n) => n.path).join(', ')}); it links to ${found.note.path}`,
          hint: 'write the folder in the link to choose another',
          severity: 'warning',
        });
      }
      notePath = found.note.path;
    }
    if (privatePaths.has(notePath)) return { kind: 'private' };
    const slugs = partSlugs.get(notePath)!;
    const headings = headingsByNote.get(notePath)!;
    if (target.block) {
      const block = findBlock(preparedByPath.get(notePath)!, target.block);
      if (block) return { kind: 'page', note: notePath, slug: slugs[block.part]!, fragment: blockElementId(block.id) };
      problems.push({
        rule: 'missing-block',
        file: link.from,
        line: link.line,
        message: `[[${link.raw}]]: ${notePath} has no block ^${target.block}; it links to the note`,
        severity: 'warning',
      });
      return { kind: 'page', note: notePath, slug: slugs[0]! };
    }
    if (target.headings.length) {
      const heading = findHeading(headings, target.headings);
      if (heading) {
        const isChapterTitle = heading.depth === 1 && slugs.indexOf(heading.page) > 0 && headings.find((h) => h.page === heading.page) === heading;
        return isChapterTitle
          ? { kind: 'page', note: notePath, slug: heading.page }
          : { kind: 'page', note: notePath, slug: heading.page, fragment: heading.id };
      }
      const wanted = target.headings[target.headings.length - 1]!;
      const suggestion = didYouMean(wanted, headings.map((h) => h.text));
      problems.push({
        rule: 'missing-heading',
        file: link.from,
        line: link.line,
        message: `[[${link.raw}]]: ${notePath} has no heading “${target.headings.join('#')}”; it links to the note`,
        ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
        severity: 'warning',
      });
    }
    return { kind: 'page', note: notePath, slug: slugs[0]! };
  };
  for (const link of occurrences) resolutions.set(link.index, resolve(link));

  // 5. Stub pages for names no note carries, one section per heading the links name.
  const stubSlugs = new Map<string, Slug>();
  const stubSections = new Map<string, Map<string, StubSection>>();
  for (const [key, { target, first }] of stubTargets) {
    stubSlugs.set(key, claim(asSlug(`stubs/${slugFromPath(target)}`), first.from, first.line));
    stubSections.set(key, new Map());
  }
  const stubSlugger = new Map<string, GithubSlugger>();
  const sectionOf = (key: string, heading: string | undefined): StubSection => {
    const sections = stubSections.get(key)!;
    const sectionKey = heading === undefined ? '' : fold(heading);
    let section = sections.get(sectionKey);
    if (!section) {
      let slugger = stubSlugger.get(key);
      if (!slugger) {
        slugger = new GithubSlugger();
        // Ids the stub page's own layout uses.
        for (const taken of ['linked-from', 'backlinks', 'contents']) slugger.slug(taken);
        stubSlugger.set(key, slugger);
      }
      section = heading === undefined ? { id: 'linked-from', backlinks: [] } : { heading, id: slugger.slug(heading), backlinks: [] };
      sections.set(sectionKey, section);
    }
    return section;
  };
  // Create sections in link order so ids are stable from build to build.
  for (const link of occurrences) {
    const resolution = resolutions.get(link.index)!;
    if (resolution.kind === 'stub') sectionOf(resolution.key, resolution.heading);
  }

  // 6. Fill in every link and write each part's HTML.
  const hrefOf = (resolution: Resolution): LinkRendering => {
    if (resolution.kind === 'private') return { kind: 'text' };
    if (resolution.kind === 'stub') {
      const section = sectionOf(resolution.key, resolution.heading);
      const fragment = section.heading === undefined ? undefined : section.id;
      return { kind: 'link', href: hrefFor(base, stubSlugs.get(resolution.key)!, fragment), className: ['internal', 'unresolved'], title: 'No note yet' };
    }
    return { kind: 'link', href: hrefFor(base, resolution.slug, resolution.fragment), className: ['internal'] };
  };
  const pages: Page[] = [];
  const pageBySlug = new Map<Slug, Page>();
  const books: Vault['books'] = [];
  const notes: Vault['notes'] = [];
  for (const note of prepared) {
    const slugs = partSlugs.get(note.path)!;
    const link = (part: number): PageLink => ({ title: titleOf(note, part), slug: slugs[part]!, href: hrefFor(base, slugs[part]!) });
    const chapterLinks = note.parts.slice(1).map((_, i) => link(i + 1));
    note.parts.forEach((part, i) => {
      const links: LinkRendering[] = [];
      const html = finishHtml(part.hast, (n) => {
        const rendering = hrefOf(resolutions.get(n)!);
        links.push(rendering);
        return rendering;
      });
      const tags = [...(i === 0 ? note.tags : []), ...part.tags];
      const seen = new Set<string>();
      const page: NotePage = {
        kind: part.kind,
        ...link(i),
        source: note.path,
        format: note.format,
        html,
        links,
        empty: part.empty,
        toc: part.headings
          .filter((h, at) => h.depth <= TOC_DEPTH && !(part.kind === 'chapter' && at === 0))
          .map((h) => ({ depth: h.depth, text: h.displayText, id: h.id })),
        tags: tags.filter((tag) => !seen.has(tagKey(tag)) && seen.add(tagKey(tag))).map((tag) => ({ tag, href: hrefFor(base, tagSlug(tag)) })),
        backlinks: [],
      };
      if (typeof note.frontmatter.description === 'string') page.description = note.frontmatter.description;
      if (part.kind !== 'note') page.book = link(0);
      if (part.kind === 'book') {
        page.chapters = chapterLinks.map((chapter, c) => ({
          ...chapter,
          number: c + 1,
          sections: note.parts[c + 1]!.headings
            .filter((h) => h.depth === 2)
            .map((h) => ({ text: h.displayText, href: hrefFor(base, chapter.slug, h.id) })),
        }));
      }
      if (part.kind === 'chapter') {
        const previous = chapterLinks[i - 2];
        const next = chapterLinks[i];
        page.chapter = { number: i, of: chapterLinks.length, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
      }
      pages.push(page);
      pageBySlug.set(page.slug, page);
    });
    if (note.parts.length > 1) books.push({ ...link(0), chapters: chapterLinks });
    else notes.push({ ...link(0), folder: note.path.includes('/') ? note.path.slice(0, note.path.lastIndexOf('/')) : '' });
  }

  // 7. Backlinks: every passage that links to a page, in vault order.
  const backlinkOf = (link: LinkOccurrence): Backlink => {
    const note = preparedByPath.get(link.from)!;
    const slug = partSlugs.get(link.from)![link.part]!;
    const headings = note.parts[link.part]!.headings;
    const trail = link.trail.map((i) => headings[i]!);
    const spot = trail[trail.length - 1];
    return {
      from: { title: titleOf(note, link.part), slug, href: hrefFor(base, slug) },
      trail: trail.map((h) => h.displayText),
      excerpt: link.excerpt,
      href: hrefFor(base, slug, spot?.id),
      file: link.from,
      line: link.line,
    };
  };
  const stats: BuildStats = {
    notesRead: files.notes.length + files.unreadable.length,
    notesPublished: prepared.length,
    notesPrivate: readable.length - published.length,
    notesUnreadable: read.length - readable.length + files.unreadable.length,
    pagesWritten: 0,
    links: occurrences.length,
    linksResolved: 0,
    linksToStubs: 0,
    linksToPrivate: 0,
  };
  for (const link of occurrences) {
    const resolution = resolutions.get(link.index)!;
    const fromSlug = partSlugs.get(link.from)![link.part]!;
    if (resolution.kind === 'private') {
      stats.linksToPrivate++;
    } else if (resolution.kind === 'stub') {
      stats.linksToStubs++;
      sectionOf(resolution.key, resolution.heading).backlinks.push(backlinkOf(link));
    } else {
      stats.linksResolved++;
      if (resolution.slug !== fromSlug) pageBySlug.get(resolution.slug)!.backlinks.push(backlinkOf(link));
    }
  }

  const stubs: PageLink[] = [];
  for (const [key, { target }] of stubTargets) {
    const slug = stubSlugs.get(key)!;
    const sections = [...stubSections.get(key)!.values()].sort((a, b) => (a.heading === undefined ? -1 : b.heading === undefined ? 1 : 0));
    const title = target.slice(target.lastIndexOf('/') + 1);
    const page: StubPage = {
      kind: 'stub',
      title,
      slug,
      href: hrefFor(base, slug),
      target,
      sections,
      backlinks: sections.flatMap((s) => s.backlinks),
    };
    pages.push(page);
    pageBySlug.set(slug, page);
    stubs.push({ title, slug, href: page.href });
  }

  // 8. Tag pages: a page per tag and per parent of a nested tag.
  const tagPages = buildTagPages(pages, base, claim);
  for (const page of tagPages) {
    pages.push(page);
    pageBySlug.set(page.slug, page);
  }
  stats.pagesWritten = pages.length;

  return {
    base,
    title: options.title ?? (books.length === 1 && notes.length === 0 ? books[0]!.title : options.fallbackTitle ?? 'Quire'),
    pages,
    bySlug: pageBySlug,
    books,
    notes,
    tags: tagPages.filter((page) => !page.parent).map((page) => ({ tag: page.tag, href: page.href, count: page.pages.length })),
    stubs,
    problems,
    stats,
  };
}

function findBlock(note: PreparedNote, id: string): { part: number; id: string } | undefined {
  const wanted = id.toLowerCase();
  for (const [part, { blocks }] of note.parts.entries()) {
    const block = blocks.find((b) => b.id.toLowerCase() === wanted);
    if (block) return { part, id: block.id };
  }
  return undefined;
}

function buildTagPages(pages: Page[], base: string, claim: (slug: Slug, file: VaultPath) => Slug): TagPage[] {
  const byKey = new Map<string, { tag: string; pages: PageLink[]; source: VaultPath }>();
  const entry = (tag: string, source: VaultPath) => {
    const key = tagKey(tag);
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { tag, pages: [], source }));
    return found;
  };
  for (const page of pages) {
    if (page.kind === 'stub' || page.kind === 'tag') continue;
    for (const { tag } of page.tags) {
      entry(tag, page.source).pages.push({ title: page.title, slug: page.slug, href: page.href });
      // A parent tag lists its children's pages too, as Obsidian's tag search does.
      const segments = tag.split('/');
      for (let n = segments.length - 1; n > 0; n--) entry(segments.slice(0, n).join('/'), page.source);
    }
  }
  const keys = [...byKey.keys()].sort();
  const slugs = new Map(keys.map((key) => [key, claim(tagSlug(byKey.get(key)!.tag), byKey.get(key)!.source)]));
  return keys.map((key) => {
    const { tag } = byKey.get(key)!;
    const children = keys.filter((other) => other.startsWith(`${key}/`) && !other.slice(key.length + 1).includes('/'));
    const descendants = keys.filter((other) => other.startsWith(`${key}/`));
    const parentKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : undefined;
    const listed = new Map<Slug, PageLink>();
    for (const k of [key, ...descendants]) for (const page of byKey.get(k)!.pages) listed.set(page.slug, page);
    const slug = slugs.get(key)!;
    return {
      kind: 'tag' as const,
      tag,
      title: `#${tag}`,
      slug,
      href: hrefFor(base, slug),
      pages: [...listed.values()],
      children: children.map((child) => ({ tag: byKey.get(child)!.tag, href: hrefFor(base, slugs.get(child)!), count: byKey.get(child)!.pages.length })),
      ...(parentKey ? { parent: { tag: byKey.get(parentKey)!.tag, href: hrefFor(base, slugs.get(parentKey)!) } } : {}),
      backlinks: [],
    };
  });
}
