import { slug as githubSlug } from 'github-slugger';
import { asSlug, type Problem, type Slug, type VaultPath } from './types.ts';

/**
 * One URL segment from a name, the way heading ids are made (github-slugger),
 * so that a note, a chapter and a heading read alike in the address bar.
 * Names that slug to nothing (only punctuation or emoji) keep a readable fallback.
 */
export function slugSegment(name: string): string {
  const segment = githubSlug(name.normalize('NFC').trim()).replace(/^-+|-+$/g, '');
  if (segment) return segment;
  // Only emoji or punctuation: spell the characters out, so `🚀` and `🌱` stay apart.
  const spelled = [...name.trim()].filter((c) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(c)).map((c) => `u${c.codePointAt(0)!.toString(16)}`);
  return spelled.join('-') || 'untitled';
}

/** A page slug from a vault path without its extension: `Topic Notes/My Note` → `topic-notes/my-note`. */
export function slugFromPath(pathWithoutExtension: string): Slug {
  return asSlug(
    pathWithoutExtension
      .split('/')
      .filter(Boolean)
      .map(slugSegment)
      .join('/'),
  );
}

/**
 * Hands out page slugs, one owner each, after those already `taken`. A
 * second claim on a taken slug gets `-2`, `-3`… so two pages never share a
 * URL, and the clash is reported against the file that claimed second,
 * naming what holds the address when it is known (`owners`, and each claim's `owner`).
 */
export class SlugClaims {
  readonly taken: Set<Slug>;
  /** What holds each address, as a message names it: `Guide.md`, `the site's own page`. */
  readonly owners: Map<Slug, string>;
  readonly problems: Problem[] = [];

  constructor(taken: Iterable<Slug> = [], owners: ReadonlyMap<Slug, string> = new Map()) {
    this.taken = new Set(taken);
    this.owners = new Map(owners);
  }

  /** `owner` is what a later clash names as holding the address, by default the file that claimed it; `label` what the message calls the address. */
  claim(wanted: Slug, file: VaultPath, line?: number, owner: string = file, label = 'URL'): Slug {
    if (!this.taken.has(wanted)) {
      this.taken.add(wanted);
      this.owners.set(wanted, owner);
      return wanted;
    }
    for (let n = 2; ; n++) {
      const slug = asSlug(`${wanted}-${n}`);
      if (this.taken.has(slug)) continue;
      this.taken.add(slug);
      this.owners.set(slug, owner);
      const holder = this.owners.get(wanted);
      this.problems.push({
        rule: 'slug-clash',
        file,
        ...(line ? { line } : {}),
        message: `Its ${label} /${wanted}/ is taken by ${holder === undefined ? 'another page' : holder === file ? 'another page of this note' : holder}, so it is published at /${slug}/`,
        hint: holder === file ? 'give each chapter a heading of its own' : 'rename one of the two to give each its own URL',
        severity: 'warning',
      });
      return slug;
    }
  }
}
