import { blockElementId } from '../prepare/blocks.ts';
import { isAttachment } from '../attachment-kinds.ts';
import type { LinkOccurrence, PreparedNote } from '../prepare/types.ts';
import { findHeading } from '../headings.ts';
import { fold, resolveNote, type LinkIndex } from '../link-index.ts';
import { didYouMean } from '../problems.ts';
import type { Problem, VaultPath } from '../types.ts';
import type { Addresses, Catalog, Hubs, NumberedNotes, ResolvedLink, Resolution } from './types.ts';

/** What links resolve against: the names of the vault's notes and attachments, its services, and where everything is published. */
export interface LinkWorld {
  /** The published notes, by path, name and alias. */
  notes: LinkIndex;
  /** The private notes (and those that cannot be read), looked in only when no published note or service has the name. */
  privateNotes: LinkIndex;
  attachments: LinkIndex;
  catalog: Catalog;
  hubs: Hubs;
  numbered: NumberedNotes;
  addresses: Addresses;
  /** "Did you mean" over every note name and alias, and over every attachment. */
  suggestNote: (wanted: string) => string | undefined;
  suggestAttachment: (wanted: string) => string | undefined;
}

/** A link as its messages quote it: as it was written. */
export function writtenAs(link: LinkOccurrence): string {
  if (link.form === 'markdown') return `${link.embed ? '!' : ''}[${link.embed ? (link.embed.alias ?? '') : link.text}](${link.raw})`;
  return `[[${link.raw}]]`;
}

export const serviceKey = (service: { id: string }) => `service:${service.id}` as const;
export const stubKey = (name: string) => `stub:${fold(name)}` as const;
const lastHeading = (headings: readonly string[]) => headings[headings.length - 1];
/** A section of a hub or stub: the one for `heading`, or for the name alone. */
const gathered = (key: ReturnType<typeof serviceKey | typeof stubKey>, headings: readonly string[]): Resolution => {
  const heading = lastHeading(headings);
  return heading === undefined ? { kind: 'gathered', key } : { kind: 'gathered', key, heading };
};

/**
 * How each link resolves, as Obsidian resolves it: a note by path, name or
 * alias, then its heading or block; an attachment; a service's hub; or a
 * stub page for a name no note has. Each answer comes with what was wrong.
 */
export function linkResolver(world: LinkWorld): (link: LinkOccurrence) => ResolvedLink {
  return (link) => {
    const problems: Problem[] = [];
    const report: Report = ({ rule, message, hint }) => problems.push({ rule, file: link.from, line: link.line, message, ...(hint ? { hint } : {}), severity: 'warning' });
    const { target } = link;
    if (/(^|\/)\.\.(\/|$)/.test(target.path) || /^([a-z]:)?[\\/]/i.test(target.path)) {
      report({
        rule: 'outside-vault',
        message: `${writtenAs(link)} points outside the vault; it is shown as text and nothing is read from there`,
        hint: 'link to notes and files inside the vault by name or by their path from the vault’s top folder',
      });
      return { resolution: { kind: 'none' }, problems };
    }
    if (isAttachment(target.path)) return { resolution: resolveAttachment(link, world, report), problems };
    const named = target.path ? resolveName(link, world, report) : link.from;
    if (typeof named !== 'string') return { resolution: named, problems };
    return { resolution: resolveInNote(link, named, world, report), problems, reached: named };
  };
}

/** A list of paths for a message: the first few, and how many more. */
const namedFew = (paths: readonly string[], few = 3) => (paths.length <= few + 1 ? paths.join(', ') : `${paths.slice(0, few).join(', ')} and ${paths.length - few} more`);

type Report = (problem: Pick<Problem, 'rule' | 'message' | 'hint'>) => void;

function findBlock(note: PreparedNote, id: string): { part: number; id: string } | undefined {
  const wanted = id.toLowerCase();
  for (const [part, { blocks }] of note.parts.entries()) {
    const block = blocks.find((b) => b.id.toLowerCase() === wanted);
    if (block) return { part, id: block.id };
  }
  return undefined;
}

function resolveAttachment(link: LinkOccurrence, world: LinkWorld, report: Report): Resolution {
  const { target } = link;
  const found = resolveNote(world.attachments, target.path, link.from, target.relative);
  if (found.found) {
    const fragment = target.headings[0];
    return fragment === undefined ? { kind: 'attachment', path: found.note.path } : { kind: 'attachment', path: found.note.path, fragment };
  }
  const suggestion = world.suggestAttachment(target.path);
  report({
    rule: 'missing-attachment',
    message: `${link.form === 'markdown' ? writtenAs(link) : `${link.embed ? '!' : ''}[[${link.raw}]]`}: no file named “${target.path}” in the vault; it is shown as text`,
    ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
  });
  return { kind: 'none' };
}

/**
 * The note a link names; or, when no published note has the name, the hub of a service of that name, a
 * private note (which the link must not reveal: it is shown as text), or a stub. For everything the log
 * says, a private note is as if it did not exist: it is never a "did you mean", nor among an ambiguous link's notes.
 */
function resolveName(link: LinkOccurrence, world: LinkWorld, report: Report): VaultPath | Resolution {
  const { target } = link;
  const found = resolveNote(world.notes, target.path, link.from, target.relative);
  if (found.found) {
    if (found.ambiguous) {
      report({
        rule: 'ambiguous-link',
        message: `${writtenAs(link)}: ${found.ambiguous.length} notes match (${namedFew(found.ambiguous.map((n) => n.path))}); it links to ${found.note.path}`,
        hint: 'write the folder in the link to choose another',
      });
    }
    return found.note.path;
  }
  const service = target.path.includes('/') ? undefined : world.catalog.byName.get(fold(target.path));
  const serviceNote = service && world.hubs.noteOf.get(service);
  if (service && !serviceNote) return gathered(serviceKey(service), target.headings);
  if (serviceNote) return serviceNote;
  const hidden = resolveNote(world.privateNotes, target.path, link.from, target.relative);
  if (hidden.found) return { kind: 'private' };
  const suggestion = world.suggestNote(target.path);
  report({
    rule: 'unresolved-link',
    message: `${writtenAs(link)}: no note named “${target.path}”; it links to a stub page`,
    ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
  });
  return gathered(stubKey(target.path), target.headings);
}

/** A link into a note: its block, its heading (a chapter's title is the chapter's page), or the note itself. */
function resolveInNote(link: LinkOccurrence, notePath: VaultPath, world: LinkWorld, report: Report): Resolution {
  const { target } = link;
  const slugs = world.addresses.slugs.get(notePath)!;
  const headings = world.addresses.headings.get(notePath)!;
  if (target.block) {
    const block = findBlock(world.numbered.byPath.get(notePath)!, target.block);
    if (block) return { kind: 'page', note: notePath, slug: slugs[block.part]!, fragment: blockElementId(block.id) };
    report({ rule: 'missing-block', message: `${writtenAs(link)}: ${notePath} has no block ^${target.block}; it links to the note` });
    return { kind: 'page', note: notePath, slug: slugs[0]! };
  }
  if (target.headings.length) {
    const heading = findHeading(headings, target.headings);
    if (heading) {
      const isChapterTitle = heading.depth === 1 && slugs.indexOf(heading.page) > 0 && headings.find((h) => h.page === heading.page) === heading;
      return isChapterTitle ? { kind: 'page', note: notePath, slug: heading.page } : { kind: 'page', note: notePath, slug: heading.page, fragment: heading.id };
    }
    // A service's note gathers links to sub-features it has no heading for, as a hub without a note does.
    const service = world.hubs.serviceOf.get(notePath);
    if (service) return gathered(serviceKey(service), target.headings);
    const suggestion = didYouMean(lastHeading(target.headings)!, headings.map((h) => h.text));
    report({
      rule: 'missing-heading',
      message: `${writtenAs(link)}: ${notePath} has no heading “${target.headings.join('#')}”; it links to the note`,
      ...(suggestion ? { hint: `did you mean “${suggestion}”?` } : {}),
    });
  }
  return { kind: 'page', note: notePath, slug: slugs[0]! };
}
