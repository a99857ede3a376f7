import type { Heading } from '../headings.ts';
import type { PreparedNote } from '../prepare/types.ts';
import { slugFromPath, SlugClaims } from '../slug.ts';
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
 * Gives every page its URL: each note its own, then its chapters below it,
 * then each service its hub (a hub's note takes the hub's). `reserved` are
 * the site's own addresses: a note called `Tags` gets `tags-2`.
 */
export function claimAddresses(numbered: NumberedNotes, hubs: Hubs, catalog: Catalog, site: Site, reserved: readonly string[]): Addresses {
  const claims = new SlugClaims(reserved.map(asSlug), new Map(reserved.map((slug) => [asSlug(slug), SITE_OWNER])));
  const headingProblems: Problem[] = [];
  const slugs = new Map<VaultPath, Slug[]>();
  for (const note of numbered.notes) {
    const service = hubs.serviceOf.get(note.path);
    const wanted = service ? asSlug(`services/${service.id}`) : slugFromPath(note.path.replace(/\.mdx?$/i, ''));
    const own = claims.claim(wanted, note.path);
    slugs.set(
      note.path,
      note.parts.map((part, i) => (i === 0 ? own : claims.claim(asSlug(`${own}/${chapterSegment(note, i, headingProblems)}`), note.path, part.headings[0]!.line))),
    );
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
  return { pages, slugs, partAt, hubSlugs, headings, taken: claims.taken, owners: claims.owners, problems: [...headingProblems, ...claims.problems] };
}
