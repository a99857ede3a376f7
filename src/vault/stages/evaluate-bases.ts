import { toHtml } from 'hast-util-to-html';
import { evaluateBase, renderBase, type BaseNote, type BaseRenderContext, type BaseResult } from '../bases/index.ts';
import { attachmentHref } from '../href.ts';
import { folderOf, pushTo, resolveNote } from '../link-index.ts';
import { basePlaceholder, viewKey } from '../prepare/bases.ts';
import { parseLinkTarget } from '../prepare/link-target.ts';
import { tagKey } from '../prepare/tags.ts';
import type { PreparedNote } from '../prepare/types.ts';
import type { Problem, SourceFile, VaultPath } from '../types.ts';
import type { LinkWorld } from './link-resolver.ts';
import { stubKey } from './link-resolver.ts';
import type { Addresses, NumberedNotes, Places, ResolvedLinks, Site } from './types.ts';

/** Every base of the vault, evaluated and rendered, for the finish stage to put in place. */
export interface EvaluatedBases {
  /** Each base's HTML, by its placeholder as a part's HTML holds it. */
  byPlaceholder: ReadonlyMap<string, string>;
  /** The attachments the bases show (cards' covers), to be published. */
  attachments: ReadonlySet<VaultPath>;
  problems: Problem[];
}

/** What evaluating the bases reads of the model. */
export interface BaseWorld {
  site: Site;
  numbered: NumberedNotes;
  addresses: Addresses;
  resolved: ResolvedLinks;
  links: LinkWorld;
  places: Places;
  /** The vault's files by path, for their sizes and times. */
  sources: ReadonlyMap<VaultPath, SourceFile>;
  /** What `now()` and `today()` are: the build's start. */
  now: Date;
}

/**
 * Evaluates every base (`.base` files, `base` code blocks) over the
 * published notes, with their properties, tags, folders and resolved links,
 * and renders its views. A base is handed nothing but published notes, and
 * its links resolve as the vault's do: a private note is never in one, and a
 * link to one is its text.
 */
export function evaluateBases(world: BaseWorld): EvaluatedBases {
  const byPlaceholder = new Map<string, string>();
  const attachments = new Set<VaultPath>();
  const problems: Problem[] = [];
  // MDX notes are compiled as written: a `base` block in one stays code.
  const holders = world.numbered.notes.filter((note) => note.format !== 'mdx' && note.parts.some((part) => part.bases?.length));
  if (holders.length === 0) return { byPlaceholder, attachments, problems };
  const notes = baseNotes(world);
  const byPath = new Map(notes.map((note) => [note.path, note]));
  const resolve = (target: string, from: VaultPath): VaultPath | undefined => {
    const found = resolveNote(world.links.notes, parseLinkTarget(target).path, from);
    return found.found && byPath.has(found.note.path) ? found.note.path : undefined;
  };
  const context = renderContext(world, attachments);
  for (const holder of holders) {
    for (const block of holder.parts.flatMap((part) => part.bases ?? [])) {
      const thisFile = byPath.get(holder.path);
      const result = evaluateSafely(() => evaluateBase({ path: holder.path, text: block.text, firstLine: block.firstLine, ...(thisFile ? { thisFile } : {}) }, notes, { now: world.now, resolve }), holder.path, block.firstLine);
      problems.push(...result.problems);
      const shown = context(holder.path);
      byPlaceholder.set(toHtml(basePlaceholder(block.key)), toHtml(renderBase(result, shown)));
      result.views.forEach((view, i) => byPlaceholder.set(toHtml(basePlaceholder(viewKey(block.key, i))), toHtml(renderBase({ views: [view], problems: [] }, shown))));
    }
  }
  return { byPlaceholder, attachments, problems };
}

/**
 * A base that Quire itself fails on (a case its evaluator did not foresee)
 * is reported and shows why, instead of stopping the build: the rest of the
 * site does not depend on it.
 */
function evaluateSafely(evaluate: () => BaseResult, file: VaultPath, line: number): BaseResult {
  try {
    return evaluate();
  } catch (error) {
    const why = error instanceof RangeError ? 'an expression in it is nested too deeply' : error instanceof Error ? error.message : String(error);
    const message = `Quire could not evaluate this base: ${why}; it is not shown`;
    return { views: [], problems: [{ rule: 'bad-base', file, line, message, hint: 'simplify it, or report it to Quire', severity: 'warning' }] };
  }
}

/** Where a base's links and covers lead: a stub page for a name no note has, an attachment of the vault. */
function renderContext(world: BaseWorld, attachments: Set<VaultPath>): (from: VaultPath) => BaseRenderContext {
  const linkHref: BaseRenderContext['linkHref'] = (target, from) => {
    const { path } = parseLinkTarget(target);
    // A note the base does not show (a private one) is named by its text alone, never by a stub of its name.
    if (!path || resolveNote(world.links.notes, path, from).found || resolveNote(world.links.privateNotes, path, from).found) return undefined;
    const stub = world.places.byKey.get(stubKey(path));
    return stub ? world.site.href(stub.slug) : undefined;
  };
  const attachmentOf: BaseRenderContext['attachmentHref'] = (target, from) => {
    const found = resolveNote(world.links.attachments, parseLinkTarget(target).path, from);
    if (!found.found) return undefined;
    attachments.add(found.note.path);
    return attachmentHref(world.site.base, found.note.path);
  };
  return (from) => ({ from, linkHref, attachmentHref: attachmentOf });
}

/** Each published page's note as a base sees it: its file, its title and address, its tags, where its links lead and which lead to it, its properties. */
export function baseNotes(world: BaseWorld): BaseNote[] {
  const reached = new Map(world.numbered.notes.map((note) => [note.path, reachedFrom(note, world)]));
  const backlinks = new Map<VaultPath, VaultPath[]>();
  for (const [from, { links }] of reached) for (const to of links) pushTo(backlinks, to, from);
  return world.numbered.notes.map((note) => {
    const file = note.path.slice(note.path.lastIndexOf('/') + 1);
    const dot = file.lastIndexOf('.');
    const page = world.addresses.pages.get(note.path)![0]!;
    const source = world.sources.get(note.path);
    return {
      path: note.path,
      name: dot > 0 ? file.slice(0, dot) : file,
      ext: dot > 0 ? file.slice(dot + 1) : '',
      folder: folderOf(note.path),
      title: page.title,
      href: page.href,
      ...(source ? { size: Buffer.byteLength(source.text) } : {}),
      ...(source?.modified ? { mtime: source.modified } : {}),
      tags: tagsOf(note),
      ...reached.get(note.path)!,
      backlinks: backlinks.get(note.path) ?? [],
      properties: note.frontmatter,
    };
  });
}

/** A note's tags, its properties' and its text's, each once. */
function tagsOf(note: PreparedNote): string[] {
  const seen = new Set<string>();
  return [...note.tags, ...note.parts.flatMap((part) => part.tags)].filter((tag) => !seen.has(tagKey(tag)) && seen.add(tagKey(tag)));
}

/** The notes a note's links reach, and those its embeds show, each once; a link to a private note reaches none. */
function reachedFrom(note: PreparedNote, world: BaseWorld): { links: VaultPath[]; embeds: VaultPath[] } {
  const links = new Set<VaultPath>();
  const embeds = new Set<VaultPath>();
  for (const part of world.numbered.linksByPart.get(note.path) ?? []) {
    for (const link of part ?? []) {
      const resolution = world.resolved.resolutions[link.index];
      if (resolution?.kind !== 'page' || resolution.note === note.path) continue;
      links.add(resolution.note);
      if (link.embed) embeds.add(resolution.note);
    }
  }
  return { links: [...links], embeds: [...embeds] };
}
