import type { VaultPath } from './types.ts';

/** What the resolver needs to know of a note. */
export interface LinkableNote {
  path: VaultPath;
  aliases: readonly string[];
}

export interface LinkIndex {
  byPath: Map<string, LinkableNote>;
  byName: Map<string, LinkableNote[]>;
  byAlias: Map<string, LinkableNote[]>;
  /** Every name a link may use, for "did you mean". */
  names: string[];
}

export type NoteResolution =
  | { found: true; note: LinkableNote; via: 'path' | 'name' | 'alias'; ambiguous?: LinkableNote[] }
  | { found: false };

const withoutExtension = (path: string) => path.replace(/\.mdx?$/i, '');
/** Names and paths compare as Obsidian compares them: composed Unicode, any case. */
export const fold = (text: string): string => text.normalize('NFC').toLowerCase();
/** The folder a vault path stands in, `''` at the vault's top. */
export const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
export const noteName = (path: string) => withoutExtension(path).slice(path.lastIndexOf('/') + 1);

/** Adds `value` to the list `map` keeps under `key`. */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Maps built once per build, so that resolving a link is a lookup, never a scan of the vault. */
export function buildLinkIndex(notes: readonly LinkableNote[]): LinkIndex {
  const byPath = new Map<string, LinkableNote>();
  const byName = new Map<string, LinkableNote[]>();
  const byAlias = new Map<string, LinkableNote[]>();
  const names = new Set<string>();
  for (const note of notes) {
    byPath.set(fold(withoutExtension(note.path)), note);
    pushTo(byName, fold(noteName(note.path)), note);
    names.add(noteName(note.path));
    for (const alias of note.aliases) {
      pushTo(byAlias, fold(alias), note);
      names.add(alias);
    }
  }
  return { byPath, byName, byAlias, names: [...names] };
}

/**
 * Obsidian's choice among notes of one name: one in the linking note's own
 * folder, else the shortest path (then the first in path order, for a stable answer).
 */
function pick(candidates: LinkableNote[], from: VaultPath): LinkableNote {
  const here = folderOf(from);
  const sameFolder = candidates.filter((note) => folderOf(note.path) === here);
  const pool = sameFolder.length > 0 ? sameFolder : candidates;
  return [...pool].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1))[0]!;
}

/**
 * The note a link's path part names, as Obsidian resolves it: the exact vault
 * path, then a path that ends with it, then the file name anywhere, all
 * case-insensitive; then a note's alias. `near` is a path tried first, exactly.
 */
export function resolveNote(index: LinkIndex, linkPath: string, from: VaultPath, near?: string): NoteResolution {
  // A Markdown link's path read from the linking note's folder, when a note or file is there.
  const nearby = near === undefined ? undefined : index.byPath.get(fold(withoutExtension(near)));
  if (nearby) return { found: true, note: nearby, via: 'path' };
  const wanted = fold(withoutExtension(linkPath.trim()).replace(/^\/+/, ''));
  if (!wanted) return { found: false };

  const exact = index.byPath.get(wanted);
  if (exact) return { found: true, note: exact, via: 'path' };

  const name = wanted.slice(wanted.lastIndexOf('/') + 1);
  const sameName = index.byName.get(name) ?? [];
  const candidates = wanted.includes('/')
    ? sameName.filter((note) => fold(withoutExtension(note.path)).endsWith(`/${wanted}`))
    : sameName;
  if (candidates.length === 1) return { found: true, note: candidates[0]!, via: 'name' };
  if (candidates.length > 1) return { found: true, note: pick(candidates, from), via: 'name', ambiguous: candidates };

  const aliased = index.byAlias.get(wanted) ?? [];
  if (aliased.length === 1) return { found: true, note: aliased[0]!, via: 'alias' };
  if (aliased.length > 1) return { found: true, note: pick(aliased, from), via: 'alias', ambiguous: aliased };
  return { found: false };
}
