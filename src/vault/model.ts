import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { blockElementId } from './blocks.ts';
import { buildFolders, type FolderPage } from './folders.ts';
import { expandEmbeds, sectionNodes, type EmbedTarget } from './embed-render.ts';
import { isAttachment } from './embeds.ts';
import { rewriteVaultUrls } from './relative-urls.ts';
import { parseCatalog, type Service } from './catalog.ts';
import { findHeading, type Heading } from './headings.ts';
import type { NoteFormat } from './markdown.ts';
import { mentionFinder } from './mentions.ts';
import { sameItems, type FinishInputs, type LinkReadKind, type ModelMemo, type ResolvedLink, type TreeRead, type TreeReads } from './model-memo.ts';
import { stringList } from './frontmatter.ts';
import { didYouMean, suggester, type Problem } from './problems.ts';
import { hubNames, inPrivateFolder, prepareFile, renumberLinks, type PrepareContext, type PreparedFile } from './prepare-file.ts';
import type { LinkOccurrence, Passage, PreparedNote, PreparedPart } from './prepare-note.ts';
import type { VaultFiles } from './read-vault.ts';
import { finishHtml, finishHtmlText, needsTree, parseBody, type BodyChunk, type LinkRendering } from './render.ts';
import { buildLinkIndex, fold, folderOf, pushTo, resolveNote, type LinkableNote } from './resolve.ts';
import { slugFromPath, slugSegment, SlugRegistry } from './slug.ts';
import { tagKey, tagSlug } from './tags.ts';
import { asElementId, asSlug, asVaultPath, attachmentHref, hrefsFor, normalizeBase, type Href, type Slug, type VaultPath } from './types.ts';

export interface BuildOptions {
  /** The path the site is served under, `/` by default. */
  base?: string;
  /** The site's name; by default the title of a vault that is one book, else `fallbackTitle`. */
  title?: string;
  fallbackTitle?: string;
  /** Folders whose notes and attachments are never published. */
  privateFolders?: readonly string[];
  /** Trust the HTML written in notes instead of sanitising it. Off by default. */
  allowRawHtml?: boolean;
}

/** A link to a page, as lists and navigation show it. */
export interface PageLink {
  title: string;
  slug: Slug;
  href: Href;
}

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

interface PageCommon extends PageLink {
  backlinks: Backlink[];
}

/** What a published note contributes to its page. */
export interface NoteContent {
  source: VaultPath;
  format: NoteFormat;
  /** The body, rendered. For an MDX note, which @astrojs/mdx compiles, `links` is what counts. */
  html: string;
  /** How each wiki-link of the note is written out, in document order. */
  links: LinkRendering[];
  toc: TocEntry[];
  tags: TagLink[];
  /** The page has nothing but its title: a chapter not written yet. */
  empty: boolean;
  description?: string;
  /** ISO dates from `date` and `updated`; `updated` falls back to the file's time. */
  created?: string;
  updated?: string;
  /** The note's `cssclasses`. */
  cssClasses: string[];
}

export interface NotePage extends PageCommon, NoteContent {
  kind: 'note' | 'book' | 'chapter';
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
  backlinks: Backlink[];
}

/** A name that links point at but no note carries yet. */
export interface StubPage extends PageCommon {
  kind: 'stub';
  /** The target as first written, folders included. */
  target: string;
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
  /** Passages that name the service without linking to it. */
  mentions: Backlink[];
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

export type Page = NotePage | StubPage | ServicePage | TagPage | FolderPage;

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
  books: (PageLink & { chapters: PageLink[] })[];
  /** Notes that are not books or service hubs, in path order, with their folder. */
  notes: (PageLink & { folder: string })[];
  /** A page per folder of notes, by folder path ('' is the vault's top). */
  folders: ReadonlyMap<string, FolderPage>;
  /** The catalog's services by category, categories and services in alphabetical order. */
  services: { category: string; id: string; services: ServiceSummary[] }[];
  tags: (TagLink & { count: number })[];
  stubs: PageLink[];
  /** Images, PDFs, audio and video that pages show, to be copied beside them. */
  attachments: { path: VaultPath; href: Href }[];
  /** The published `.mdx` notes, which @astrojs/mdx compiles, with how their links are written out. */
  mdxNotes: ReadonlyMap<VaultPath, NoteContent>;
  problems: Problem[];
  stats: BuildStats;
}

export type Resolution =
  | { kind: 'page'; note: VaultPath; slug: Slug; fragment?: string }
  | { kind: 'gathered'; key: string; heading?: string }
  | { kind: 'attachment'; path: VaultPath; fragment?: string }
  /** Private, missing or outside the vault: shown as plain text. */
  | { kind: 'private' }
  | { kind: 'none' };

/** Where passages about a stub or a service are gathered. */
interface Gathered {
  slug: Slug;
  sections: Map<string, PassageSection>;
  slugger: GithubSlugger;
}

/** What preparing a note depends on besides the note: read from the options and the catalog, the same wherever notes are prepared. */
export function prepareContext(files: VaultFiles, options: BuildOptions = {}): PrepareContext {
  const catalog = files.catalog ? parseCatalog(files.catalog.path, files.catalog.text) : undefined;
  return contextOf(catalog?.ok ? catalog.services : [], options);
}

function contextOf(services: readonly Service[], options: BuildOptions): PrepareContext {
  return {
    base: normalizeBase(options.base),
    serviceNames: services.flatMap((service) => [service.name, ...service.aliases]).map(fold),
    privateFolders: (options.privateFolders ?? []).map((folder) => `${fold(folder)}/`),
    rawHtml: options.allowRawHtml ? 'trust' : 'sanitize',
  };
}
const TOC_DEPTH = 4;
const RESERVED_SLUGS = ['tags', 'stubs', 'services', 'folders', 'graph', 'search', '404', 'pagefind', '_astro', 'attachments'];
/** Ids the layouts of gathered pages use themselves. */
const LAYOUT_IDS = ['linked-from', 'also-mentioned-in', 'backlinks', 'contents', 'toc-heading', 'content'];

/**
 * Reads every note once and builds the whole site model: pages, headings,
 * resolved links, backlinks, service hubs, stubs for missing notes, tags,
 * books and chapters. Pure: it is given the files and returns data; Astro only renders it.
 */
export function buildVault(files: VaultFiles, options: BuildOptions = {}, preparedFiles?: readonly PreparedFile[], memo?: ModelMemo): Vault {
  const base = normalizeBase(options.base);
  const href = hrefsFor(base);
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

  for (const file of files.notes) {
    if (file.invalidUtf8) {
      problems.push({
        rule: 'invalid-utf8',
        file: file.path,
        message: 'Is not valid UTF-8 text; the bytes that could not be read show as “�”',
        hint: 'save the note as UTF-8',
        severity: 'warning',
      });
    }
  }
  for (const file of files.unreadable) {
    const binary = file.reason.startsWith('a binary');
    problems.push({
      rule: 'unreadable-file',
      file: file.path,
      message: `Could not be read: ${file.reason}; it is not published`,
      hint: binary ? 'rename it, or move it out of the vault' : file.reason.startsWith('it is a link') ? 'fix or remove the link' : 'check that the file can be read by the user running the build',
      severity: 'error',
    });
  }

  // What reading the vault left out: links to outside it, attachments that are not what their names say.
  problems.push(...(files.problems ?? []));

  // 0. The service catalog: a broken one stops the build, since every hub depends on it.
  let services: Service[] = [];
  if (files.catalog) {
    const catalog = parseCatalog(files.catalog.path, files.catalog.text);
    if (catalog.ok) services = catalog.services;
    else {
      for (const error of catalog.errors) {
        problems.push({ rule: 'bad-catalog', file: files.catalog.path, ...(error.line ? { line: error.line } : {}), message: error.message, severity: 'fatal' });
      }
    }
  }
  const serviceByName = new Map<string, Service>();
  for (const service of services) for (const name of [service.name, ...service.aliases]) serviceByName.set(fold(name), service);

  // 1. Read every note: properties first, since they decide whether it is published. Each is prepared
  // on its own (parts, heading ids, tags, links), here or, for a large vault, in worker threads or from a cache.
  const context = contextOf(services, options);
  const read = preparedFiles && preparedFiles.length === files.notes.length && preparedFiles.every((file, i) => file.path === files.notes[i]!.path)
    ? preparedFiles
    : files.notes.map((file) => prepareFile(file, context));
  const readable = read.filter((note) => note.ok);
  for (const note of read) if (!note.ok) problems.push(note.problem);
  const published = readable.filter((note) => note.published);
  const publishedSet = new Set(published);
  // Notes that cannot be read are treated as private: links to them must not reveal them.
  const privatePaths = new Set<string>([
    ...readable.filter((note) => !publishedSet.has(note)).map((note) => note.path),
    ...read.filter((note) => !note.ok).map((note) => note.path),
  ]);

  // A note named after a service (or titled or aliased so) is that service's hub.
  const serviceOfNote = new Map<VaultPath, Service>();
  const noteOfService = new Map<Service, VaultPath>();
  for (const note of published) {
    const service = hubNames(note.name, note.frontmatter).map((name) => serviceByName.get(fold(name))).find(Boolean);
    if (service && !noteOfService.has(service)) {
      serviceOfNote.set(note.path, service);
      noteOfService.set(service, note.path);
    }
  }

  // 2. Number every link across the vault: each note numbered its own from 0.
  const occurrences: LinkOccurrence[] = [];
  const linkOffsets = new Map<VaultPath, number>();
  let linkCounter = 0;
  const prepared: PreparedNote[] = published.map((file) => {
    let { note, links } = file;
    if (file.whole && !serviceOfNote.has(file.path)) {
      // Named like a service whose hub is another note: split into chapters like any note.
      const again = prepareFile(files.notes.find((source) => source.path === file.path)!, context, { whole: false });
      if (again.ok) ({ note, links } = again);
    }
    linkOffsets.set(file.path, linkCounter);
    occurrences.push(...renumberLinks(links, linkCounter));
    linkCounter += links.reduce((most, link) => Math.max(most, link.index + 1), 0);
    return note!;
  });
  const preparedByPath = new Map(prepared.map((note) => [note.path, note]));

  // 3. Give every part a URL: a note's own, then its chapters below it; a service's note takes the hub's.
  const partSlugs = new Map<VaultPath, Slug[]>();
  for (const note of prepared) {
    const service = serviceOfNote.get(note.path);
    const wanted = service ? asSlug(`services/${service.id}`) : slugFromPath(note.path.replace(/\.mdx?$/i, ''));
    const noteSlug = claim(wanted, note.path);
    const slugs = note.parts.map((part, i) => {
      if (i === 0) return noteSlug;
      const h1 = part.headings[0]!;
      return claim(asSlug(`${noteSlug}/${h1.id}`), note.path, h1.line);
    });
    partSlugs.set(note.path, slugs);
  }
  const hubSlugs = new Map<Service, Slug>();
  for (const service of services) {
    const note = noteOfService.get(service);
    hubSlugs.set(service, note ? partSlugs.get(note)![0]! : claim(asSlug(`services/${service.id}`), files.catalog!.path));
  }

  const headingsByNote = new Map<VaultPath, Heading[]>();
  for (const note of prepared) {
    const slugs = partSlugs.get(note.path)!;
    headingsByNote.set(
      note.path,
      note.parts.flatMap((part, i) => part.headings.map((h) => ({ ...h, id: asElementId(h.id), page: slugs[i]! }))),
    );
  }
  const titleOf = (note: PreparedNote, part: number) => {
    const service = serviceOfNote.get(note.path);
    if (service) return service.name;
    return part === 0 ? note.title : note.parts[part]!.headings[0]?.displayText ?? note.title;
  };

  // 4. Places where passages are gathered: a hub per service, a stub per missing name.
  const gathered = new Map<string, Gathered>();
  const gather = (key: string, slug: Slug, takenIds: readonly string[] = []): Gathered => {
    let place = gathered.get(key);
    if (!place) {
      const slugger = new GithubSlugger();
      for (const id of [...LAYOUT_IDS, ...takenIds]) slugger.slug(id);
      place = { slug, sections: new Map(), slugger };
      gathered.set(key, place);
    }
    return place;
  };
  const serviceKey = (service: Service) => `service:${service.id}`;
  for (const service of services) {
    const note = noteOfService.get(service);
    gather(serviceKey(service), hubSlugs.get(service)!, note ? headingsByNote.get(note)!.map((h) => h.id) : []);
  }
  const sectionOf = (key: string, heading: string | undefined): PassageSection => {
    const place = gathered.get(key)!;
    const sectionKey = heading === undefined ? '' : fold(heading);
    let section = place.sections.get(sectionKey);
    if (!section) {
      section = heading === undefined ? { id: 'linked-from', backlinks: [] } : { heading, id: place.slugger.slug(heading), backlinks: [] };
      place.sections.set(sectionKey, section);
    }
    return section;
  };

  // 5. Resolve every link against maps built once.
  const linkable: (LinkableNote & { published: boolean })[] = [
    ...prepared.map((note) => ({ path: note.path, aliases: note.aliases, published: true })),
    // Private notes resolve too (by name and alias), so links to them become plain text, never a stub that names them.
    ...readable.filter((note) => privatePaths.has(note.path)).map((note) => ({ path: note.path, aliases: stringList(note.frontmatter.aliases ?? note.frontmatter.alias), published: false })),
    ...read.filter((note) => !note.ok).map((note) => ({ path: note.path, aliases: [], published: false })),
  ];
  const index = buildLinkIndex(linkable);
  const wholeNames = (names: readonly string[]) => suggester(names, { wordRuns: false });
  const namesSuggester = (list: string, names: string[]) => (memo ? memo.suggester(list, names, wholeNames) : wholeNames(names));
  const suggestNote = namesSuggester('notes', index.names);
  const stubTargets = new Map<string, { target: string; first: LinkOccurrence }>();
  /** A stub page for a missing name, claimed where the first link to it stands. */
  const wantStub = (key: string, link: LinkOccurrence) => {
    if (!stubTargets.has(key)) stubTargets.set(key, { target: link.target.path, first: link });
  };
  /** By link number: an array, since the numbers run from 0 with few gaps. */
  const resolutions: Resolution[] = [];
  const lastHeading = (headings: string[]) => headings[headings.length - 1];

  const attachmentPaths = (files.attachments ?? []).filter((path) => !inPrivateFolder(path, context.privateFolders));
  const attachmentIndex = buildLinkIndex(attachmentPaths.map((path) => ({ path, aliases: [] })));
  const suggestAttachment = namesSuggester('attachments', attachmentIndex.names);
  /** The note the link being resolved reached, if any, whatever it resolved to. */
  let reached: VaultPath | undefined;
  const resolve = (link: LinkOccurrence): Resolution => {
    const { target } = link;
    if (/(^|\/)\.\.(\/|$)/.test(target.path) || /^([a-z]:)?[\\/]/i.test(target.path)) {
      problems.push({
        rule: 'outside-vault',
        file: link.from,
        line: link.line,
        message: `[[${link.raw}]] points outside the vault; it is shown as text and nothing is read from there`,
        hint: 'link to notes and files inside the vault by name or by their path from the vault’s top folder',
        severity: 'warning',
      });
      return { kind: 'none' };
    }
    if (isAttachment(target.path)) {
      const found = resolveNote(attachmentIndex, target.path, link.from);
      if (found.found) {
        const fragment = target.headings[0];
        return fragment === undefined ? { kind: 'attachment', path: found.note.path } : { kind: 'attachment', path: found.note.path, fragment };
      }
      problems.push({
        rule: 'missing-attachment',
        file: link.from,
        line: link.line,
        message: `${link.embed ? '!' : ''}[[${link.raw}]]: no file named “${target.path}” in the vault; it is shown as text`,
        ...(suggestAttachment(target.path) ? { hint: `did you mean “${suggestAttachment(target.path)}”?` } : {}),
        severity: 'warning',
      });
      return { kind: 'none' };
    }
    let notePath: VaultPath;
    if (!target.path) {
      notePath = link.from;
    } else {
      const found = resolveNote(index, target.path, link.from);
      if (!found.found) {
        const service = target.path.includes('/') ? undefined : serviceByName.get(fold(target.path));
        const serviceNote = service && noteOfService.get(service);
        if (service && !serviceNote) {
          const heading = lastHeading(target.headings);
          return heading === undefined ? { kind: 'gathered', key: serviceKey(service) } : { kind: 'gathered', key: serviceKey(service), heading };
        }
        if (serviceNote) {
          notePath = serviceNote;
        } else {
          const key = `stub:${fold(target.path)}`;
          wantStub(key, link);
          const suggestion = suggestNote(target.path);
          problems.push({
            rule: 'unresolved-link',
            file: link.from,
            line: link.line,
            message: `[[${link.raw}]]: no note named “${target.path}”; it links to a stub page`,
            ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
            severity: 'warning',
          });
          const heading = lastHeading(target.headings);
          return heading === undefined ? { kind: 'gathered', key } : { kind: 'gathered', key, heading };
        }
      } else {
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
    }
    reached = notePath;
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
      // A service's note gathers links to sub-features it has no heading for, as a hub without a note does.
      const service = serviceOfNote.get(notePath);
      if (service) return { kind: 'gathered', key: serviceKey(service), heading: lastHeading(target.headings)! };
      const wanted = lastHeading(target.headings)!;
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
  // With a memo (astro dev), a link of an unchanged note resolves as it did while the names, services and
  // attachments links resolve against are the same, and the note it reached is unchanged at the same addresses.
  if (memo) memo.resolveIn(JSON.stringify([base, linkable.map((note) => [note.path, note.aliases, note.published]), files.catalog?.text ?? null, [...serviceOfNote].map(([path, service]) => [path, service.id]), attachmentPaths]));
  const reachesSame = (target: NonNullable<ResolvedLink['target']>) => preparedByPath.get(target.path) === target.note && sameItems(partSlugs.get(target.path), target.slugs);
  for (const link of occurrences) {
    const note = preparedByPath.get(link.from)!;
    const local = link.index - linkOffsets.get(link.from)!;
    const kept = memo?.resolvedLink(note, local, reachesSame);
    if (kept) {
      problems.push(...kept.problems);
      const { resolution } = kept;
      if (resolution.kind === 'gathered' && resolution.key.startsWith('stub:')) wantStub(resolution.key, link);
      resolutions[link.index] = resolution;
      continue;
    }
    const reported = problems.length;
    reached = undefined;
    const resolution = resolve(link);
    resolutions[link.index] = resolution;
    if (memo) {
      const target = reached && { path: reached, note: preparedByPath.get(reached), slugs: partSlugs.get(reached) };
      memo.keepResolvedLink(note, local, { resolution, problems: problems.slice(reported), ...(target ? { target } : {}) });
    }
  }

  for (const [key, { target, first }] of stubTargets) gather(key, claim(asSlug(`stubs/${slugFromPath(target)}`), first.from, first.line));
  // Create sections in link order so their ids are stable from build to build.
  for (const link of occurrences) {
    const resolution = resolutions[link.index]!;
    if (resolution.kind === 'gathered') sectionOf(resolution.key, resolution.heading);
    const hubNote = resolution.kind === 'page' && resolution.note !== link.from ? serviceOfNote.get(resolution.note) : undefined;
    if (hubNote) sectionOf(serviceKey(hubNote), lastHeading(link.target.headings));
  }

  // 6. Which services each passage links to or names.
  const serviceOfKey = new Map(services.map((service) => [serviceKey(service), service]));
  const serviceOfResolution = (resolution: Resolution): Service | undefined => {
    if (resolution.kind === 'gathered') return serviceOfKey.get(resolution.key);
    if (resolution.kind === 'page') return serviceOfNote.get(resolution.note);
    return undefined;
  };
  const findMentions = mentionFinder(services);
  const serviceIndex = new Map(services.map((service, i) => [service, i]));
  const mentionsIn = (passage: Passage): Service[] =>
    memo
      ? memo.mentionsOf(files.catalog?.text ?? '', passage, () => findMentions(passage.plain).map((service) => serviceIndex.get(service)!)).map((i) => services[i]!)
      : findMentions(passage.plain);
  interface Mention {
    note: PreparedNote;
    part: number;
    passage: Passage;
    service: Service;
  }
  const mentions: Mention[] = [];
  for (const note of prepared) {
    const own = serviceOfNote.get(note.path);
    note.parts.forEach((part, partIndex) => {
      for (const passage of part.passages) {
        for (const service of mentionsIn(passage)) if (service !== own) mentions.push({ note, part: partIndex, passage, service });
      }
    });
  }

  // 7. Fill in every link and write each part's HTML, with the services each section touches.
  const usedAttachments = new Set<VaultPath>();
  // With a memo (astro dev), a part finished from its tree records what it read (src/vault/model-memo.ts);
  // while recorded reads are checked again, nothing is published or reported.
  let reads: TreeReads | undefined;
  let checking = false;
  /** Where an attachment a page shows is served; it is copied there because a page shows it. */
  const publishAttachment = (path: VaultPath, fragment?: string): Href => {
    if (!checking) usedAttachments.add(path);
    reads?.attachments.push(path);
    const href = attachmentHref(base, path);
    return (fragment ? `${href}#${fragment}` : href) as Href;
  };
  /**
   * How a link shows. With a memo, a link to a note, or one shown as text, keeps its rendering while its
   * resolution (kept by the memo) is the same object; a hub's or stub's section and an attachment's copy
   * are worked out each time.
   */
  const renderingOf = (resolution: Resolution): LinkRendering =>
    memo && (resolution.kind === 'page' || resolution.kind === 'private' || resolution.kind === 'none') ? memo.rendering(resolution, renderNow) : renderNow(resolution);
  const renderNow = (resolution: Resolution): LinkRendering => {
    if (resolution.kind === 'private' || resolution.kind === 'none') return { kind: 'text' };
    if (resolution.kind === 'attachment') {
      return { kind: 'link', href: publishAttachment(resolution.path, resolution.fragment), className: ['internal', 'attachment'] };
    }
    if (resolution.kind === 'gathered') {
      const section = sectionOf(resolution.key, resolution.heading);
      const fragment = section.heading === undefined ? undefined : section.id;
      const slug = gathered.get(resolution.key)!.slug;
      return resolution.key.startsWith('stub:')
        ? { kind: 'link', href: href(slug, fragment), className: ['internal', 'unresolved'], title: 'No note yet' }
        : { kind: 'link', href: href(slug, fragment), className: ['internal', 'service'] };
    }
    const service = serviceOfNote.get(resolution.note);
    return { kind: 'link', href: href(resolution.slug, resolution.fragment), className: service ? ['internal', 'service'] : ['internal'] };
  };
  const serviceLink = (service: Service): ServiceLink => ({ name: service.name, href: href(hubSlugs.get(service)!) });
  const servicesBySection = new Map<string, Map<string, Set<Service>>>();
  const noteServices = (path: VaultPath, part: number, trail: readonly number[], service: Service) => {
    const key = `${path}\0${part}`;
    let sections = servicesBySection.get(key);
    if (!sections) servicesBySection.set(key, (sections = new Map()));
    const headings = preparedByPath.get(path)!.parts[part]!.headings;
    const h2 = trail.map((i) => headings[i]!).find((h) => h.depth === 2);
    const sectionId = h2?.id ?? '';
    let set = sections.get(sectionId);
    if (!set) sections.set(sectionId, (set = new Set()));
    set.add(service);
  };
  for (const link of occurrences) {
    const service = serviceOfResolution(resolutions[link.index]!);
    if (service && serviceOfNote.get(link.from) !== service) noteServices(link.from, link.part, link.trail, service);
  }
  for (const mention of mentions) noteServices(mention.note.path, mention.part, mention.passage.trail, mention.service);

  const partOfSlug = new Map<Slug, { note: PreparedNote; part: number }>();
  for (const note of prepared) partSlugs.get(note.path)!.forEach((slug, part) => partOfSlug.set(slug, { note, part }));
  const occurrenceByIndex: LinkOccurrence[] = [];
  for (const link of occurrences) occurrenceByIndex[link.index] = link;
  /** Each note's links, by part. */
  const ownLinks = new Map<VaultPath, LinkOccurrence[][]>(prepared.map((note) => [note.path, []]));
  for (const link of occurrences) (ownLinks.get(link.from)![link.part] ??= []).push(link);
  /** An embedded part as its note wrote it, parsed once however often it is embedded, with its vault URLs made to point from its own folder. */
  const sourceTrees = new Map<PreparedPart, { tree: HastRoot; urls: TreeRead[] }>();
  const sourceTree = (note: PreparedNote, part: PreparedPart): HastRoot => {
    let source = sourceTrees.get(part);
    if (!source) {
      const start = reads?.list.length ?? 0;
      const tree = parseBody(part.body, linkOffsets.get(note.path)!);
      // Its own page reports its bad URLs; a copy of them need not report them again.
      rewriteVaultUrls(tree, (url, line) => resolveVaultUrl(url, note.path, line, false));
      sourceTrees.set(part, (source = { tree, urls: reads?.list.slice(start) ?? [] }));
    } else reads?.list.push(...source.urls);
    reads?.list.push({ kind: 'part', path: note.path, index: note.parts.indexOf(part), part });
    return source.tree;
  };
  /** A link as a page read it: by its note and its place there, which stay when other notes' links are numbered anew. */
  const linkRead = (kind: LinkReadKind, n: number): TreeRead => {
    const from = occurrenceByIndex[n]!.from;
    return { kind, from, local: n - linkOffsets.get(from)!, value: linkValue(kind, n) };
  };
  const linkValue = (kind: LinkReadKind, n: number): string => {
    if (kind === 'text') return occurrenceByIndex[n]!.text;
    if (kind === 'alias') return JSON.stringify(occurrenceByIndex[n]!.embed?.alias ?? null);
    if (kind === 'render') return JSON.stringify(renderingOf(resolutions[n]!));
    const { target, whole } = targetNow(n);
    return JSON.stringify([target, whole]);
  };
  /** Whether a recorded read reads the same in this model. */
  const readsSame = (read: TreeRead): boolean => {
    if (read.kind === 'part') return preparedByPath.get(read.path)?.parts[read.index] === read.part;
    if (read.kind === 'url') return JSON.stringify(resolveVaultUrl(read.url, read.from, read.line, false) ?? null) === read.value;
    const n = (linkOffsets.get(read.from) ?? NaN) + read.local;
    return occurrenceByIndex[n]?.from === read.from && linkValue(read.kind, n) === read.value;
  };
  /** What an embed shows; for a note's content, also whether it is the whole note, which its nodes do not say. */
  const targetNow = (n: number): { target: EmbedTarget; whole?: boolean } => {
    const resolution = resolutions[n]!;
    if (resolution.kind === 'attachment') {
      return { target: { kind: 'attachment', href: publishAttachment(resolution.path), path: resolution.path, ...(resolution.fragment ? { fragment: resolution.fragment } : {}) } };
    }
    if (resolution.kind !== 'page') {
      const rendering = renderingOf(resolution);
      return { target: rendering.kind === 'link' ? { kind: 'link', href: rendering.href, className: rendering.className, ...(rendering.title ? { title: rendering.title } : {}) } : { kind: 'text' } };
    }
    const { note, part } = partOfSlug.get(resolution.slug)!;
    const whole = resolution.fragment === undefined && part === 0 && occurrenceByIndex[n]!.target.headings.length === 0;
    const target: EmbedTarget = {
      kind: 'content',
      href: href(resolution.slug, resolution.fragment),
      title: occurrenceByIndex[n]!.text,
      key: `${resolution.slug}#${resolution.fragment ?? ''}`,
      nodes: () =>
        whole
          ? note.parts.flatMap((p) => sourceTree(note, p).children as ElementContent[])
          : resolution.fragment === undefined
            ? (sourceTree(note, note.parts[part]!).children as ElementContent[])
            : sectionNodes(sourceTree(note, note.parts[part]!), resolution.fragment),
    };
    return { target, whole };
  };
  const embedContext = {
    textOf: (n: number) => {
      reads?.list.push(linkRead('text', n));
      return occurrenceByIndex[n]!.text;
    },
    aliasOf: (n: number) => {
      reads?.list.push(linkRead('alias', n));
      return occurrenceByIndex[n]!.embed?.alias;
    },
    targetOf: (n: number): EmbedTarget => {
      reads?.list.push(linkRead('target', n));
      return targetNow(n).target;
    },
  };

  /** Where a Markdown link or image with a vault path (`../images/a.png`, `Other%20Note.md#Heading`) is published. */
  const resolveVaultUrl = (url: string, from: VaultPath, line: number, report = true): string | undefined => {
    if (reads && !checking) {
      const reading = reads;
      reads = undefined;
      reading.list.push({ kind: 'url', url, from, line, value: JSON.stringify(resolveVaultUrl(url, from, line, false) ?? null) });
      reads = reading;
    }
    const problem = (found: Problem) => report && !checking && problems.push(found);
    const hash = url.indexOf('#');
    let wanted: string;
    try {
      wanted = decodeURIComponent(hash === -1 ? url : url.slice(0, hash)).replace(/\\/g, '/');
    } catch {
      wanted = hash === -1 ? url : url.slice(0, hash);
    }
    const fragment = hash === -1 ? '' : decodeURIComponent(url.slice(hash + 1));
    const folder = folderOf(from);
    const joined: string[] = [];
    for (const segment of (wanted.startsWith('/') ? wanted : `${folder}/${wanted}`).split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (joined.length === 0) {
          problem({ rule: 'outside-vault', file: from, line, message: `${url} points outside the vault; it is shown as text and nothing is read from there`, severity: 'warning' });
          return undefined;
        }
        joined.pop();
      } else joined.push(segment);
    }
    const path = joined.join('/');
    if (!path) return undefined;
    if (isAttachment(path)) {
      const found = resolveNote(attachmentIndex, path, from);
      if (found.found) {
        return publishAttachment(found.note.path, fragment || undefined);
      }
      problem({ rule: 'missing-attachment', file: from, line, message: `${url}: no file “${path}” in the vault; it is shown as text`, severity: 'warning' });
      return undefined;
    }
    const found = resolveNote(index, path, from);
    if (!found.found || privatePaths.has(found.note.path)) {
      if (!found.found) problem({ rule: 'unresolved-link', file: from, line, message: `${url}: no note “${path}”; it is shown as text`, severity: 'warning' });
      return undefined;
    }
    const slugs = partSlugs.get(found.note.path)!;
    const heading = fragment ? findHeading(headingsByNote.get(found.note.path)!, fragment.split('#').filter(Boolean)) : undefined;
    return heading ? href(heading.page, heading.id) : href(slugs[0]!);
  };


  const pages: Page[] = [];
  const pageBySlug = new Map<Slug, Page>();
  const books: Vault['books'] = [];
  const notes: Vault['notes'] = [];
  /** Each note's content as it stands on its first page: a hub shows it, an MDX note's compiler reads its links. */
  const noteContents = new Map<VaultPath, NoteContent>();
  for (const note of prepared) {
    const slugs = partSlugs.get(note.path)!;
    const link = (part: number): PageLink => ({ title: titleOf(note, part), slug: slugs[part]!, href: href(slugs[part]!) });
    const chapterLinks = note.parts.slice(1).map((_, i) => link(i + 1));
    note.parts.forEach((part, i) => {
      const sections = servicesBySection.get(`${note.path}\0${i}`) ?? new Map<string, Set<Service>>();
      const links: LinkRendering[] = [];
      const render = (n: number) => {
        const rendering = renderingOf(resolutions[n]!);
        // Only the note's own links, in order: an MDX note's compiler matches them one by one.
        if (occurrenceByIndex[n]!.from === note.path) links.push(rendering);
        return rendering;
      };
      const offset = linkOffsets.get(note.path)!;
      let html: string | undefined;
      if (!needsTree(part.body)) {
        // Finished as before when its links render as before and its sections name the same services.
        const inputs: FinishInputs | undefined = memo && {
          named: sections.size ? sectionsKey(sections, serviceLink) : '',
          renderings: (ownLinks.get(note.path)![i] ?? []).map((l) => renderingOf(resolutions[l.index]!)),
        };
        const kept = inputs && memo!.finished(part, inputs);
        if (kept) {
          html = kept.html;
          links.push(...kept.links);
        } else {
          html = finishHtmlText(withSectionServices(part.body, sections, serviceLink), (n) => render(n + offset));
          if (html !== undefined && inputs) memo!.keepFinished(part, inputs, html, links);
        }
      }
      if (html === undefined) {
        links.length = 0;
        // Finished as before when its sections name the same services and all it read reads the same.
        const key = memo && `${slugs[i]}\0${sectionsKey(sections, serviceLink)}`;
        checking = true;
        const kept = key === undefined ? undefined : memo!.finishedTree(part, key, readsSame);
        checking = false;
        if (kept) {
          html = kept.html;
          links.push(...kept.links);
          problems.push(...kept.problems);
          for (const path of kept.reads.attachments) usedAttachments.add(path);
        } else {
          const reported = problems.length;
          reads = memo && { list: [], attachments: [] };
          const tree = parseBody(part.body, offset);
          rewriteVaultUrls(tree, (url, line) => resolveVaultUrl(url, note.path, line));
          addSectionServices(tree.children, sections, serviceLink);
          expandEmbeds(tree, embedContext, [`${slugs[i]}#`]);
          html = finishHtml(tree, (n) => {
            reads?.list.push(linkRead('render', n));
            return render(n);
          });
          if (reads) memo!.keepTree(part, { key: key!, reads, html, links: [...links], problems: problems.slice(reported) });
          reads = undefined;
        }
      }
      const tags = [...(i === 0 ? note.tags : []), ...part.tags];
      const seen = new Set<string>();
      const content: NoteContent = {
        source: note.path,
        format: note.format,
        html,
        links,
        toc: part.headings
          .filter((h, at) => h.depth <= TOC_DEPTH && !(part.kind === 'chapter' && at === 0))
          .map((h) => ({ depth: h.depth, text: h.displayText, id: h.id })),
        tags: tags.filter((tag) => !seen.has(tagKey(tag)) && seen.add(tagKey(tag))).map((tag) => ({ tag, href: href(tagSlug(tag)) })),
        empty: part.empty,
        cssClasses: note.cssClasses,
        ...(note.created ? { created: note.created } : {}),
        ...(note.updated ? { updated: note.updated } : {}),
        ...(typeof note.frontmatter.description === 'string' ? { description: note.frontmatter.description } : {}),
      };
      if (i === 0) noteContents.set(note.path, content);
      if (serviceOfNote.has(note.path)) return;
      const pageServices = [...new Set([...sections.values()].flatMap((set) => [...set]))].sort((a, b) => a.name.localeCompare(b.name));
      const page: NotePage = { kind: part.kind, ...link(i), ...content, services: pageServices.map(serviceLink), backlinks: [] };
      if (part.kind !== 'note') page.book = link(0);
      if (part.kind === 'book') {
        page.chapters = chapterLinks.map((chapter, c) => ({
          ...chapter,
          number: c + 1,
          sections: note.parts[c + 1]!.headings
            .filter((h) => h.depth === 2)
            .map((h) => ({ text: h.displayText, href: href(chapter.slug, h.id) })),
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
    if (serviceOfNote.has(note.path)) continue;
    if (note.parts.length > 1) books.push({ ...link(0), chapters: chapterLinks });
    else notes.push({ ...link(0), folder: folderOf(note.path) });
  }

  // 8. Hubs for the catalog's services.
  const hubs = new Map<Service, ServicePage>();
  for (const service of services) {
    const slug = hubSlugs.get(service)!;
    const notePath = noteOfService.get(service);
    const note = notePath ? noteContents.get(notePath) : undefined;
    const category = { name: service.category, href: href(asSlug('services'), slugSegment(service.category)) };
    const hub: ServicePage = { kind: 'service', title: service.name, slug, href: href(slug), service, category, ...(note ? { note } : {}), sections: [], mentions: [], backlinks: [] };
    hubs.set(service, hub);
    pages.push(hub);
    pageBySlug.set(slug, hub);
  }

  // 9. Backlinks: every passage that links to a page, in vault order.
  const spotOf = (notePath: VaultPath, part: number, trail: readonly number[], line: number, text: string): Backlink => {
    const note = preparedByPath.get(notePath)!;
    const slug = partSlugs.get(notePath)![part]!;
    const headings = note.parts[part]!.headings;
    const above = trail.map((i) => headings[i]!);
    const spot = above[above.length - 1];
    return {
      from: { title: titleOf(note, part), slug, href: href(slug) },
      trail: above.map((h) => h.displayText),
      excerpt: text,
      href: href(slug, spot?.id),
      file: notePath,
      line,
    };
  };
  /** Where a hub cites a passage that names its service: the same for every service the passage names. */
  const citation = (m: Mention): Backlink => {
    const make = () => spotOf(m.note.path, m.part, m.passage.trail, m.passage.line, excerptOf(m.passage.text));
    return memo ? memo.citation(m.passage, href(partSlugs.get(m.note.path)![m.part]!), make) : make();
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
    const resolution = resolutions[link.index]!;
    const fromSlug = partSlugs.get(link.from)![link.part]!;
    const make = () => spotOf(link.from, link.part, link.trail, link.line, link.excerpt);
    const backlink = memo ? () => memo.backlink(preparedByPath.get(link.from)!, link.index - linkOffsets.get(link.from)!, href(fromSlug), make) : make;
    if (resolution.kind === 'private') {
      stats.linksToPrivate++;
    } else if (resolution.kind === 'none') {
      // Reported as a problem already.
    } else if (resolution.kind === 'attachment') {
      stats.linksResolved++;
    } else if (resolution.kind === 'gathered') {
      if (resolution.key.startsWith('stub:')) stats.linksToStubs++;
      else stats.linksResolved++;
      sectionOf(resolution.key, resolution.heading).backlinks.push(backlink());
    } else {
      stats.linksResolved++;
      const service = serviceOfNote.get(resolution.note);
      // A hub lists the passages about its service by sub-feature, whether or not its note has that heading.
      if (service && resolution.note !== link.from) sectionOf(serviceKey(service), lastHeading(link.target.headings)).backlinks.push(backlink());
      else if (resolution.slug !== fromSlug) pageBySlug.get(resolution.slug)!.backlinks.push(backlink());
    }
  }

  // Sections in the order a reader expects: links to the name first, then each sub-feature as first linked.
  const orderedSections = (place: Gathered) =>
    [...place.sections.values()].sort((a, b) => (a.heading === undefined ? -1 : b.heading === undefined ? 1 : 0));
  const passageCount = new Map<Service, number>();
  const mentionsOf = new Map<Service, Mention[]>();
  for (const m of mentions) pushTo(mentionsOf, m.service, m);
  for (const [service, hub] of hubs) {
    hub.sections = orderedSections(gathered.get(serviceKey(service))!);
    // One citation per line of a note: the cells of a table row are one passage to a reader.
    const cited = new PassageLines();
    hub.mentions = (mentionsOf.get(service) ?? []).map((m) => citation(m)).filter((b) => cited.add(b));
    const linked = hub.sections.flatMap((s) => s.backlinks);
    hub.backlinks = linked;
    const counted = new PassageLines();
    for (const b of linked) counted.add(b);
    for (const b of hub.mentions) counted.add(b);
    passageCount.set(service, counted.size);
  }

  const stubs: PageLink[] = [];
  for (const [key, { target }] of stubTargets) {
    const place = gathered.get(key)!;
    const sections = orderedSections(place);
    const title = target.slice(target.lastIndexOf('/') + 1);
    const page: StubPage = { kind: 'stub', title, slug: place.slug, href: href(place.slug), target, sections, backlinks: sections.flatMap((s) => s.backlinks) };
    pages.push(page);
    pageBySlug.set(place.slug, page);
    stubs.push({ title, slug: place.slug, href: page.href });
  }

  // 10. Folder pages, so navigation can show a note's neighbours instead of the whole vault.
  const folders = buildFolders(notes, base, (wanted) => claim(wanted, asVaultPath(`${wanted}/`)));
  for (const page of folders.values()) {
    pages.push(page);
    pageBySlug.set(page.slug, page);
  }

  // 11. Tag pages: a page per tag and per parent of a nested tag.
  const tagPages = buildTagPages(pages, href, claim);
  for (const page of tagPages) {
    pages.push(page);
    pageBySlug.set(page.slug, page);
  }
  stats.pagesWritten = pages.length;

  const categories = [...new Set(services.map((s) => s.category))].sort();
  return {
    base,
    title: options.title ?? (books.length === 1 && notes.length === 0 ? books[0]!.title : options.fallbackTitle ?? 'Quire'),
    pages,
    bySlug: pageBySlug,
    books,
    notes,
    folders,
    services: categories.map((category) => ({
      category,
      id: slugSegment(category),
      services: services
        .filter((s) => s.category === category)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ ...serviceLink(s), category, summary: s.summary, passages: passageCount.get(s) ?? 0 })),
    })),
    tags: tagPages.filter((page) => !page.parent).map((page) => ({ tag: page.tag, href: page.href, count: page.pages.length })),
    stubs,
    attachments: [...usedAttachments].sort().map((path) => ({ path, href: attachmentHref(base, path) })),
    mdxNotes: new Map(prepared.filter((note) => note.format === 'mdx').map((note) => [note.path, noteContents.get(note.path)!])),
    problems,
    stats,
  };
}

/** The services each section of a part names, as it shows them. */
function sectionsKey(sections: Map<string, Set<Service>>, link: (service: Service) => ServiceLink): string {
  return JSON.stringify([...sections].map(([id, set]) => [id, [...set].map((service) => link(service))]));
}

function excerptOf(text: string, width = 220): string {
  if (text.length <= width) return text;
  const cut = text.lastIndexOf(' ', width);
  return `${text.slice(0, cut > 0 ? cut : width)} …`;
}

/**
 * Puts, after each H2 of a page, small links to the services its section
 * links to or names. They are navigation, so search does not index them.
 */
function addSectionServices(children: (ElementContent | import('hast').RootContent)[], sections: Map<string, Set<Service>>, link: (service: Service) => ServiceLink) {
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i]!;
    if (node.type !== 'element' || node.tagName !== 'h2') continue;
    const list = sectionServices(sections.get(String((node as Element).properties.id ?? '')), link);
    if (list) children.splice(i + 1, 0, list);
  }
}

function sectionServices(services: Set<Service> | undefined, link: (service: Service) => ServiceLink): Element | undefined {
  if (!services?.size) return undefined;
  const sorted = [...services].sort((a, b) => a.name.localeCompare(b.name)).map(link);
  return h('ul.section-services', { 'aria-label': 'Services in this section', dataPagefindIgnore: 'all' }, sorted.map((s) => h('li', h('a.service-chip', { href: s.href }, s.name))));
}

/** `addSectionServices` for a body kept as text. */
function withSectionServices(body: readonly BodyChunk[], sections: Map<string, Set<Service>>, link: (service: Service) => ServiceLink): string {
  return body
    .map((chunk) => {
      const list = chunk.h2 === undefined ? undefined : sectionServices(sections.get(chunk.h2), link);
      return list ? chunk.html + toHtml(list) : chunk.html;
    })
    .join('');
}

function findBlock(note: PreparedNote, id: string): { part: number; id: string } | undefined {
  const wanted = id.toLowerCase();
  for (const [part, { blocks }] of note.parts.entries()) {
    const block = blocks.find((b) => b.id.toLowerCase() === wanted);
    if (block) return { part, id: block.id };
  }
  return undefined;
}

function buildTagPages(pages: Page[], href: (slug: Slug) => Href, claim: (slug: Slug, file: VaultPath) => Slug): TagPage[] {
  const byKey = new Map<string, { tag: string; pages: PageLink[]; source: VaultPath }>();
  const entry = (tag: string, source: VaultPath) => {
    const key = tagKey(tag);
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { tag, pages: [], source }));
    return found;
  };
  for (const page of pages) {
    const content = page.kind === 'service' ? page.note : page.kind === 'stub' || page.kind === 'tag' || page.kind === 'folder' ? undefined : page;
    if (!content) continue;
    for (const { tag } of content.tags) {
      entry(tag, content.source).pages.push({ title: page.title, slug: page.slug, href: page.href });
      // A parent tag lists its children's pages too, as Obsidian's tag search does.
      const segments = tag.split('/');
      for (let n = segments.length - 1; n > 0; n--) entry(segments.slice(0, n).join('/'), content.source);
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
      href: href(slug),
      pages: [...listed.values()],
      children: children.map((child) => ({ tag: byKey.get(child)!.tag, href: href(slugs.get(child)!), count: byKey.get(child)!.pages.length })),
      ...(parentKey ? { parent: { tag: byKey.get(parentKey)!.tag, href: href(slugs.get(parentKey)!) } } : {}),
      backlinks: [],
    };
  });
}

/** Lines of notes, as a set: many thousands per build, so no string is made per line. */
class PassageLines {
  #lines = new Map<VaultPath, Set<number>>();
  size = 0;
  /** Whether the backlink's line was new. */
  add(backlink: Backlink): boolean {
    let lines = this.#lines.get(backlink.file);
    if (!lines) this.#lines.set(backlink.file, (lines = new Set()));
    if (lines.has(backlink.line)) return false;
    lines.add(backlink.line);
    this.size++;
    return true;
  }
}
