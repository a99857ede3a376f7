import type { Root as HastRoot } from 'hast';
import { attachmentHref } from '../../href.ts';
import { rewriteVaultUrls } from '../../prepare/relative-urls.ts';
import type { LinkOccurrence, PreparedPart } from '../../prepare/types.ts';
import type { LinkRendering, VaultPath } from '../../types.ts';
import type { Addresses, NumberedNotes, Resolution, ResolvedLinks, Site } from '../types.ts';
import { parseBody } from './fill-links.ts';
import type { VaultUrl } from './vault-urls.ts';

/** What an embed shows, as data: a note's part or section, an attachment, a link, or text. */
export type EmbedTargetData =
  | { kind: 'content'; href: string; title: string; key: string; note: VaultPath; part: number; parts: number; fragment?: string; whole: boolean }
  | { kind: 'attachment'; href: string; path: VaultPath; fragment?: string }
  | { kind: 'link'; href: string; className: string[]; title?: string }
  | { kind: 'text' };

/** A vault URL resolved while a part's tree was made. */
export interface UrlRead {
  url: string;
  from: VaultPath;
  line: number;
  result: VaultUrl;
}

/** A part of a note as a tree, with its vault URLs made to point from its own folder, and what they resolved to. */
export interface PartTree {
  tree: HastRoot;
  urls: readonly UrlRead[];
}

/**
 * Everything finishing one part reads of the rest of the vault. The dev
 * server's memo (src/vault/memo/) records what a part read, to finish it as
 * before while all of it reads the same.
 */
export interface PartLookups {
  /** Link number `n`'s note, and its place among that note's links: numbers move between builds, places do not. */
  place(n: number): { from: VaultPath; local: number };
  numberAt(from: VaultPath, local: number): number | undefined;
  text(n: number): string;
  alias(n: number): string | undefined;
  /** How link `n` was written, when not as `[[…]]` (see `LinkOccurrence.form`): part of its own note, so never recorded. */
  form(n: number): LinkOccurrence['form'];
  target(n: number): EmbedTargetData;
  rendering(n: number): LinkRendering;
  /** The attachment link `n` leads to, if it leads to one. */
  attachmentOf(n: number): VaultPath | undefined;
  vaultUrl(url: string, from: VaultPath, line: number): VaultUrl;
  part(path: VaultPath, index: number): PreparedPart | undefined;
  /** Parsed once per build however often it is embedded. */
  partTree(path: VaultPath, index: number): PartTree;
}

export interface LookupWorld {
  site: Site;
  numbered: NumberedNotes;
  resolved: ResolvedLinks;
  addresses: Addresses;
  renderingOf: (resolution: Resolution) => LinkRendering;
  vaultUrl: (url: string, from: VaultPath, line: number) => VaultUrl;
}

export function partLookups(world: LookupWorld): PartLookups {
  const { numbered, resolved } = world;
  const trees = new Map<PreparedPart, PartTree>();
  const resolution = (n: number) => resolved.resolutions[n]!;
  const lookups: PartLookups = {
    place: (n) => {
      const from = numbered.byNumber[n]!.from;
      return { from, local: n - numbered.offsets.get(from)! };
    },
    numberAt: (from, local) => {
      const n = (numbered.offsets.get(from) ?? NaN) + local;
      return numbered.byNumber[n]?.from === from ? n : undefined;
    },
    text: (n) => numbered.byNumber[n]!.text,
    alias: (n) => numbered.byNumber[n]!.embed?.alias,
    form: (n) => numbered.byNumber[n]!.form,
    rendering: (n) => world.renderingOf(resolution(n)),
    attachmentOf: (n) => {
      const found = resolution(n);
      return found.kind === 'attachment' ? found.path : undefined;
    },
    target: (n) => embedTarget(n, world, lookups),
    vaultUrl: world.vaultUrl,
    part: (path, index) => numbered.byPath.get(path)?.parts[index],
    partTree: (path, index) => {
      const part = numbered.byPath.get(path)!.parts[index]!;
      let made = trees.get(part);
      if (!made) {
        const tree = parseBody(part.body, numbered.offsets.get(path)!);
        const urls: UrlRead[] = [];
        rewriteVaultUrls(tree, (url, line) => {
          const result = world.vaultUrl(url, path, line);
          urls.push({ url, from: path, line, result });
          return result.href;
        });
        trees.set(part, (made = { tree, urls }));
      }
      return made;
    },
  };
  return lookups;
}

function embedTarget(n: number, world: LookupWorld, lookups: PartLookups): EmbedTargetData {
  const resolution = world.resolved.resolutions[n]!;
  if (resolution.kind === 'attachment') {
    const href = attachmentHref(world.site.base, resolution.path);
    return { kind: 'attachment', href, path: resolution.path, ...(resolution.fragment ? { fragment: resolution.fragment } : {}) };
  }
  if (resolution.kind !== 'page') {
    const rendering = lookups.rendering(n);
    return rendering.kind === 'link' ? { kind: 'link', href: rendering.href, className: rendering.className, ...(rendering.title ? { title: rendering.title } : {}) } : { kind: 'text' };
  }
  const { note, part } = world.addresses.partAt.get(resolution.slug)!;
  const link = world.numbered.byNumber[n]!;
  return {
    kind: 'content',
    href: world.site.href(resolution.slug, resolution.fragment),
    title: link.text,
    key: `${resolution.slug}#${resolution.fragment ?? ''}`,
    note: note.path,
    part,
    parts: note.parts.length,
    ...(resolution.fragment === undefined ? {} : { fragment: resolution.fragment }),
    whole: resolution.fragment === undefined && part === 0 && link.target.headings.length === 0,
  };
}
