import { slug as githubSlug } from 'github-slugger';
import { asSlug, type Slug } from './types.ts';

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
 * Hands out page slugs, one owner each. A second claim on a taken slug gets
 * `-2`, `-3`… so two notes never share a URL; the caller reports the clash.
 */
export class SlugRegistry {
  private readonly taken = new Set<string>();

  claim(wanted: Slug): { slug: Slug; clashed: boolean } {
    if (!this.taken.has(wanted)) {
      this.taken.add(wanted);
      return { slug: wanted, clashed: false };
    }
    for (let n = 2; ; n++) {
      const candidate = asSlug(`${wanted}-${n}`);
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        return { slug: candidate, clashed: true };
      }
    }
  }

  has(slug: Slug): boolean {
    return this.taken.has(slug);
  }
}
