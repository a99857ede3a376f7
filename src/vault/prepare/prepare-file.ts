import type { Frontmatter } from './frontmatter.ts';
import type { NoteFormat } from './markdown.ts';
import { prepareNote, readNote, type LinkOccurrence, type PreparedNote } from './prepare-note.ts';
import type { Problem } from '../problems.ts';
import type { SourceFile } from '../read/read-vault.ts';
import { fold } from '../link-index.ts';
import { tagSlug } from './tags.ts';
import { hrefFor, type VaultPath } from '../types.ts';

/** Everything of the vault's settings that a note's preparation depends on: part of a cached note's key. */
export interface PrepareContext {
  base: string;
  /** Folded (NFC, lower case) names and aliases of the catalog's services: a note named so is a hub, prepared whole. */
  serviceNames: string[];
  /** Folded, each ending in `/`. */
  privateFolders: string[];
  rawHtml: 'sanitize' | 'trust';
}

/**
 * One note file, read and prepared on its own, with nothing that depends on
 * the other notes: the unit that is cached between builds and handed to
 * worker threads, so it holds only data (no trees, no functions). Its links
 * are numbered from 0; the model renumbers them across the vault.
 */
export type PreparedFile =
  | { ok: false; path: VaultPath; problem: Problem }
  | {
      ok: true;
      path: VaultPath;
      name: string;
      format: NoteFormat;
      frontmatter: Frontmatter;
      /** Neither marked private nor in a private folder; only a published note is prepared. */
      published: boolean;
      /** Named, titled or aliased as a service: prepared as one page, since it may be that service's hub. */
      whole: boolean;
      note?: PreparedNote;
      links: LinkOccurrence[];
    };

/** The names a note answers to as a service's hub: its name, its title, its aliases. */
export function hubNames(name: string, frontmatter: Frontmatter): string[] {
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : undefined;
  const aliases = frontmatter.aliases;
  return [name, ...(title ? [title] : []), ...(Array.isArray(aliases) ? aliases.map(String) : [])];
}

/** Whether a vault path lies in one of the private folders of a context (folded, each ending in `/`). */
export function inPrivateFolder(path: string, privateFolders: readonly string[]): boolean {
  const folded = fold(path);
  return privateFolders.some((folder) => folded.startsWith(folder));
}

export function prepareFile(file: SourceFile, context: PrepareContext, options: { whole?: boolean } = {}): PreparedFile {
  const read = readNote(file);
  if (!read.ok) return read;
  const { path, name, format, frontmatter } = read;
  const published = read.published && !inPrivateFolder(path, context.privateFolders);
  const services = new Set(context.serviceNames);
  const whole = options.whole ?? hubNames(name, frontmatter).some((n) => services.has(fold(n)));
  const links: LinkOccurrence[] = [];
  if (!published) return { ok: true, path, name, format, frontmatter, published, whole, links };
  let next = 0;
  const note = prepareNote(read, () => next++, (tag) => hrefFor(context.base, tagSlug(tag)), links, { whole, rawHtml: context.rawHtml });
  return { ok: true, path, name, format, frontmatter, published, whole, note, links };
}

/**
 * Links numbered from `offset` instead of 0, so that the numbers are unique
 * across the vault. The placeholders in the note's rendered parts keep their
 * note's own numbers; whoever finishes a part adds the note's offset.
 */
export function renumberLinks(links: readonly LinkOccurrence[], offset: number): LinkOccurrence[] {
  return links.map((link) => ({ ...link, index: link.index + offset }));
}
