import { stringList } from '../prepare/frontmatter.ts';
import type { PreparedNote } from '../prepare/types.ts';
import { slugFromPath, slugSegment } from '../slug.ts';
import { asSlug, type Problem, type Slug, type VaultPath } from '../types.ts';

/** An address that should lead to a page: a note's former address, or one its aliases name. */
export interface WantedRedirect {
  from: Slug;
  to: { note: VaultPath; part: number };
  /** What asked for it, as a clash names it, and as the note wrote it. */
  why: 'address' | 'alias' | 'permalink';
  written: string;
  file: VaultPath;
  line?: number;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * An address written as Obsidian Publish takes it (`links`, `publish/permalinks`,
 * `/Guides/Making friends`), made a Quire address: each segment lower-cased and
 * cleaned as a note's own are, a leading or trailing `/` and a `.html` ending
 * dropped. Undefined when nothing of it is left.
 */
export function addressOf(written: string): Slug | undefined {
  const path = written.trim().replace(/^\/+|\/+$/g, '').replace(/\.html?$/i, '');
  const segments = path
    .split('/')
    .map((segment) => decode(segment).trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const slug = segments.map(slugSegment).join('/');
  return slug ? asSlug(slug) : undefined;
}

/** Whether an address lies among the site's own (`tags/…`, `_astro/…`), where no note may put a page or a redirect. */
export const underReserved = (slug: Slug, reserved: ReadonlySet<string>): boolean => reserved.has(slug.split('/')[0]!);

/**
 * A note's `permalink`, as the address its page is published at. One that
 * names no address, or one among the site's own, is reported and left aside.
 */
export function permalinkOf(note: PreparedNote, reserved: ReadonlySet<string>, problems: Problem[]): Slug | undefined {
  const value = note.frontmatter.permalink;
  if (value === undefined || value === null || value === '') return undefined;
  const line = note.propertyLines.permalink?.line;
  const report = (message: string) => problems.push({ rule: 'bad-permalink', file: note.path, ...(line ? { line } : {}), message, hint: 'write the address the page should have, such as permalink: my-note', severity: 'warning' });
  const slug = typeof value === 'string' || typeof value === 'number' ? addressOf(String(value)) : undefined;
  if (!slug) {
    report(`Its permalink ${JSON.stringify(value)} names no address; the note keeps the address its path gives it`);
    return undefined;
  }
  if (underReserved(slug, reserved)) {
    const top = slug.split('/')[0]!;
    report(`Its permalink /${slug}/ ${top === slug ? 'is one of the site’s own addresses' : `lies among the site’s own pages (/${top}/)`}; the note keeps the address its path gives it`);
    return undefined;
  }
  return slug;
}

/**
 * The redirects a note asks for, as Obsidian Publish makes them: from the
 * address its path gives it (and its chapters theirs) when a permalink
 * moved it, from the permalink of a note that is a service's hub (which keeps
 * the hub's address), and from each alias read as a path (`Guides/Making friends`).
 */
export function redirectsOf(note: PreparedNote, own: readonly Slug[], pathSlug: Slug, permalink: Slug | undefined, isHub: boolean): WantedRedirect[] {
  const wanted: WantedRedirect[] = [];
  const add = (from: Slug | undefined, part: number, why: WantedRedirect['why'], written: string, line?: number) => {
    if (from && from !== own[part]) wanted.push({ from, to: { note: note.path, part }, why, written, file: note.path, ...(line ? { line } : {}) });
  };
  if (permalink && isHub) add(permalink, 0, 'permalink', String(note.frontmatter.permalink), note.propertyLines.permalink?.line);
  if (permalink && !isHub) {
    add(pathSlug, 0, 'address', `/${pathSlug}/`);
    own.forEach((slug, part) => {
      const former = asSlug(`${pathSlug}/${slug.slice(own[0]!.length + 1)}`);
      if (part > 0) add(former, part, 'address', `/${former}/`);
    });
  }
  const key = note.frontmatter.aliases !== undefined ? 'aliases' : 'alias';
  const lines = note.propertyLines[key];
  stringList(note.frontmatter[key]).forEach((alias, i) => add(addressOf(alias), 0, 'alias', alias, lines?.items[i] ?? lines?.line));
  return wanted;
}

/** The address a note's path gives it, as claimAddresses would without a permalink. */
/** The address a note's path gives it; a canvas or a base keeps its kind in it, so `Map.md` and `Map.canvas` do not clash. */
export const pathSlugOf = (path: VaultPath): Slug => slugFromPath(path.replace(/\.mdx?$/i, '').replace(/\.(canvas|base)$/i, '-$1'));
