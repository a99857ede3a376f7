/**
 * A note as a value: its `file.*` fields, and `hasTag`, `inFolder`,
 * `hasLink`, `hasProperty`, `asLink` on it.
 */
import { tagKey } from '../prepare/tags.ts';
import type { Env } from './context.ts';
import { fromJsDate } from './dates.ts';
import type { VaultPath } from '../types.ts';
import type { BaseNote, LinkValue } from './types.ts';
import { EvalError, fileLink, isKind, toText, type FileValue, type Value } from './values.ts';

export const FILE_FIELDS = ['name', 'basename', 'path', 'folder', 'ext', 'size', 'ctime', 'mtime', 'tags', 'links', 'backlinks', 'embeds', 'properties', 'file'] as const;

/** A `file.*` field; for `this.x` and `file.x` that are no field, the note's property `x`. */
export function fileField(file: FileValue, name: string, env: Env): Value {
  const note = file.note;
  switch (name) {
    case 'name':
      return note.ext ? `${note.name}.${note.ext}` : note.name;
    case 'basename':
      return note.name;
    case 'path':
      return note.path;
    case 'folder':
      return note.folder;
    case 'ext':
      return note.ext;
    case 'size':
      return note.size ?? null;
    case 'ctime':
      return note.ctime ? fromJsDate(note.ctime) : null;
    case 'mtime':
      return note.mtime ? fromJsDate(note.mtime) : null;
    case 'tags':
      // Obsidian writes file tags with their `#`; the `tags` property has none.
      return note.tags.map((tag) => `#${tag}`);
    case 'links':
      return linksTo(note.links, note, env);
    case 'backlinks':
      return linksTo(note.backlinks ?? [], note, env);
    case 'embeds':
      return linksTo(note.embeds ?? [], note, env);
    case 'properties':
      return { kind: 'object', fields: Object.fromEntries(Object.keys(note.properties).map((key) => [key, env.property(note, key)])) };
    case 'file':
      return file;
  }
  return env.property(note, name);
}

/** Links to the notes at `paths` that the base may show. */
function linksTo(paths: readonly VaultPath[], from: BaseNote, env: Env): Value {
  return paths.flatMap((path) => {
    const target = env.noteFor(path, from.path);
    return target ? [fileLink(target, target.name)] : [];
  });
}

/** The note a value names: a file, a link that reaches one, a text naming one. */
function noteOf(value: Value, from: BaseNote, env: Env): { note?: BaseNote; text?: string } {
  if (isKind(value, 'file')) return { note: value.note };
  if (isKind(value, 'link')) {
    const note = value.path ? env.noteFor(value.path, from.path) : env.noteFor(value.target, from.path);
    return note ? { note } : { text: value.target };
  }
  if (typeof value === 'string') {
    const note = env.noteFor(value, from.path);
    return note ? { note } : { text: value };
  }
  throw new EvalError(`expected a file, a link or a text, found ${toText(value) || 'nothing'}`);
}

export function hasTag(note: BaseNote, tags: Value[]): boolean {
  const own = note.tags.map(tagKey);
  return tags.some((wanted) => {
    const key = tagKey(toText(wanted).replace(/^#/, ''));
    return own.some((tag) => tag === key || tag.startsWith(`${key}/`));
  });
}

export function inFolder(note: BaseNote, folder: Value): boolean {
  const wanted = toText(folder).replace(/^\/+|\/+$/g, '');
  return wanted === '' || note.folder === wanted || note.folder.startsWith(`${wanted}/`);
}

export function hasLink(note: BaseNote, target: Value, env: Env): boolean {
  const { note: other, text } = noteOf(target, note, env);
  if (other) return note.links.includes(other.path);
  return text !== undefined && note.links.some((path) => path === text);
}

export function asLink(note: BaseNote, display: Value | undefined): LinkValue {
  return fileLink(note, display === undefined || display === null ? note.name : toText(display));
}

/** The note a `file(…)` or `link.asFile()` names, as a file value. */
export function fileFor(value: Value, from: BaseNote, env: Env): FileValue | null {
  const { note } = noteOf(value, from, env);
  return note ? { kind: 'file', note } : null;
}
