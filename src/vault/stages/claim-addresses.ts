import type { Heading } from '../headings.ts';
import type { PreparedNote } from '../prepare/types.ts';
import { SlugClaims } from '../slug.ts';
import { pathSlugOf, permalinkOf, redirectsOf, type WantedRedirect } from './permalinks.ts';
import { asElementId, asSlug, type PageLink, type Problem, type Service, type Slug, type VaultPath } from '../types.ts';
import type { Addresses, Catalog, Hubs, NumberedNotes, Site } from './types.ts';

/** A part's title: a hub's note takes its service's name, a chapter its heading, or its number when the heading is empty. */
function titleOf(note: PreparedNote, part: number, hubs: Hubs): string {
  const service = hubs.serviceOf.get(note.path);
  if (service) return service.name;
  if (part === 0) return note.title;
  return note.parts[part]!.headings[0]?.displayText.trim() || `Chapter ${part}`;
}

/** What holds the addresses the site's own pages use, as a clash names it. */
export const SITE_OWNER = 'one of the site’s own pages';

/**
 * A chapter's address below its book: its heading's id, or `chapter-3` when
 * the heading gives none (`# ` alone, or only punctuation), which would
 * otherwise be the book's own address. Such a heading is reported.
 */
function chapterSegment(note: PreparedNote, part: number, problems: Problem[]): string {
  const heading = note.parts[part]!.headings[0]!;
  if (heading.id) return heading.id;
  problems.push({
    rule: 'empty-heading',
    file: note.path,
    line: heading.line,
    message: heading.displayText.trim()
      ? `The heading of chapter ${part}, “${heading.displayText.trim()}”, has nothing an address can be made of; its page is at chapter-${part} below the book`
      : `Chapter ${part} starts with an empty heading; its page is called “Chapter ${part}”, at chapter-${part} below the book`,
    hint: 'write the chapter’s title after the #',
    severity: 'warning',
  });
  return `chapter-${part}`;
}

/**
 * Gives every page its URL: first each note's permalink, then each other
 * note the address its path gives it, each chapter below its note's, then
 * each service its hub (a hub's note takes the hub's). `reserved` are the
 * site's own addresses: a note called `Tags` gets `tags-2`. The redirects
 * notes ask for (from their former address, their aliases) are listed, to
 * be claimed once every page has its address (redirects.ts).
 */
export function claimAddresses(numbered: NumberedNotes, hubs: Hubs, catalog: Catalog, site: Site, reserved: readonly string[]): Addresses {
  const claims = new SlugClaims(reserved.map(asSlug), new Map(reserved.map((slug) => [asSlug(slug), SITE_OWNER])));
  const noteProblems: Problem[] = [];
  // Permalinks first: an address a note asks for by name is its own before any path gives it to another.
  const reservedSet = new Set(reserved);
  const permalinks = new Map(numbered.notes.map((note) => [note.path, permalinkOf(note, reservedSet, noteProblems)]));
  const permalinked = new Map<VaultPath, Slug>();
  for (const note of numbered.notes) {
    const permalink = permalinks.get(note.path);
    if (permalink && !hubs.serviceOf.has(note.path)) permalinked.set(note.path, claims.claim(permalink, note.path, note.propertyLines.permalink?.line, note.path, 'permalink'));
  }
  const slugs = new Map<VaultPath, Slug[]>();
  const redirects: WantedRedirect[] = [];
  for (const note of numbered.notes) {
    const service = hubs.serviceOf.get(note.path);
    const own = permalinked.get(note.path) ?? claims.claim(service ? asSlug(`services/${service.id}`) : pathSlugOf(note.path), note.path);
    const mine = note.parts.map((part, i) => (i === 0 ? own : claims.claim(asSlug(`${own}/${chapterSegment(note, i, noteProblems)}`), note.path, part.headings[0]!.line)));
    slugs.set(note.path, mine);
    redirects.push(...redirectsOf(note, mine, pathSlugOf(note.path), permalinks.get(note.path), service !== undefined));
  }
  const hubSlugs = new Map<Service, Slug>();
  for (const service of catalog.services) {
    const note = hubs.noteOf.get(service);
    hubSlugs.set(service, note ? slugs.get(note)![0]! : claims.claim(asSlug(`services/${service.id}`), catalog.source!.path, undefined, `the page of ${service.name}`));
  }

  const pages = new Map<VaultPath, PageLink[]>();
  const headings = new Map<VaultPath, Heading[]>();
  const partAt = new Map<Slug, { note: PreparedNote; part: number }>();
  for (const note of numbered.notes) {
    const own = slugs.get(note.path)!;
    pages.set(
      note.path,
      own.map((slug, part) => ({ title: titleOf(note, part, hubs), slug, href: site.href(slug) })),
    );
    headings.set(
      note.path,
      note.parts.flatMap((part, i) => part.headings.map((h) => ({ ...h, id: asElementId(h.id), page: own[i]! }))),
    );
    own.forEach((slug, part) => partAt.set(slug, { note, part }));
  }
  return { pages, slugs, partAt, hubSlugs, headings, taken: claims.taken, owners: claims.owners, redirects, problems: [...noteProblems, ...claims.problems] };
}
