/**
 * Notes for base tests: made in memory, or read from a fixture vault the way
 * the model will hand them over (published notes only, links resolved by name).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isUnpublished, stringList } from '../../../src/vault/prepare/frontmatter.ts';
import { findTags } from '../../../src/vault/prepare/tags.ts';
import type { Href, VaultPath } from '../../../src/vault/types.ts';
import type { BaseNote } from '../../../src/vault/bases/types.ts';

export interface NoteInput {
  properties?: Record<string, unknown>;
  tags?: string[];
  links?: string[];
  size?: number;
  ctime?: string;
  mtime?: string;
  title?: string;
}

const hrefOf = (file: string) => `/${file.replace(/\.[^.]+$/, '').toLowerCase().replace(/ /g, '-')}/` as Href;

/** A note at `file` (`Books/Dune.md`) with what the test gives it. */
export function note(file: string, input: NoteInput = {}): BaseNote {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return {
    path: file as VaultPath,
    name: base.slice(0, dot),
    ext: base.slice(dot + 1),
    folder: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '',
    title: input.title ?? base.slice(0, dot),
    href: hrefOf(file),
    tags: input.tags ?? [],
    links: (input.links ?? []) as VaultPath[],
    properties: input.properties ?? {},
    ...(input.size === undefined ? {} : { size: input.size }),
    ...(input.ctime === undefined ? {} : { ctime: new Date(input.ctime) }),
    ...(input.mtime === undefined ? {} : { mtime: new Date(input.mtime) }),
  };
}

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    const relative = prefix ? `${prefix}/${entry}` : entry;
    return statSync(full).isDirectory() ? files(full, relative) : [relative];
  });
}

export interface FixtureVault {
  /** The published notes, as the model passes them to a base. */
  notes: BaseNote[];
  /** Every file's text by vault path (`.base` files, notes with blocks). */
  text: Map<string, string>;
  attachments: string[];
}

/** Reads a fixture vault: frontmatter, tags (properties and text), wiki-links (text and properties) resolved by name. */
export function readFixture(dir: string): FixtureVault {
  const all = files(dir);
  const text = new Map(all.filter((f) => /\.(md|base)$/.test(f)).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  const parsed = [...text].filter(([f]) => f.endsWith('.md')).map(([file, source]) => {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
    const properties = (match ? parse(match[1]!) : {}) as Record<string, unknown>;
    const body = match ? source.slice(match[0].length) : source;
    return { file, properties, body, source };
  });
  const published = parsed.filter((n) => !isUnpublished(n.properties));
  const byName = new Map(published.map((n) => [n.file.slice(n.file.lastIndexOf('/') + 1, -3).toLowerCase(), n.file]));
  const notes = published.map(({ file, properties, body, source }) => {
    const inline = body.split('\n').flatMap((line) => findTags(line, true).map((t) => t.tag));
    const targets = [...source.matchAll(/\[\[([^\]|#]+)/g)].map((m) => byName.get(m[1]!.trim().toLowerCase()));
    return note(file, {
      properties,
      tags: [...new Set([...stringList(properties.tags), ...inline])],
      links: [...new Set(targets.filter((t): t is string => t !== undefined))],
      size: Buffer.byteLength(source),
    });
  });
  return { notes, text, attachments: all.filter((f) => !/\.(md|base)$/.test(f)) };
}
