import { isReservedClass } from '../../markdown/reserved-classes.ts';
import { splitNote, type NotePart } from './book.ts';
import { stringList } from './frontmatter.ts';
import { preparePart } from './prepare-part.ts';
import { readProperties } from './properties.ts';
import { propertyTags } from './tags.ts';
import type { ReadNote } from './read-note.ts';
import type { RawHtml } from './render.ts';
import type { LinkOccurrence, PreparedNote } from './types.ts';

/** A date property as an ISO string, if it is one. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Everything about one published note that does not depend on other notes:
 * its parts (pages), each rendered to hast with heading ids, its tags, block
 * ids and wiki-links. Link hrefs are filled in later, once the whole vault is known.
 */
export function prepareNote(
  note: Extract<ReadNote, { ok: true }>,
  nextLinkIndex: () => number,
  tagHref: (tag: string) => string,
  occurrences: LinkOccurrence[],
  options: {
    /** Keep the note one page even if it has several H1s (a service's note is its hub). */
    whole?: boolean;
    /** Whether the note's own HTML is sanitised (the default) or trusted as written. */
    rawHtml?: RawHtml;
    /** Join the lines of a paragraph, as Obsidian does with strict line breaks on; off by default, as in Obsidian. */
    strictLineBreaks?: boolean;
  } = {},
): PreparedNote {
  const { whole = false, rawHtml = 'sanitize', strictLineBreaks = false } = options;
  const { frontmatter, tree, source, path } = note;
  const title = typeof frontmatter.title === 'string' && frontmatter.title.trim() ? frontmatter.title.trim() : note.name;
  // An MDX note is compiled whole by @astrojs/mdx, so it is never split into chapters.
  const split: NotePart[] = whole || note.format === 'mdx' ? [{ kind: 'note', tree }] : splitNote(tree, frontmatter);
  // Properties stand above the text, so their links are numbered first.
  const properties = readProperties(frontmatter, { path, lines: note.propertyLines, nextLinkIndex, occurrences });
  const context = { path, source, nextLinkIndex, tagHref, rawHtml, strictLineBreaks, occurrences };
  const parts = split.map((part, partIndex) => preparePart(part, partIndex, context));

  const created = isoDate(frontmatter.date ?? frontmatter.created);
  const updated = isoDate(frontmatter.updated ?? frontmatter.modified) ?? created ?? (note.modified ? note.modified.toISOString() : undefined);
  return {
    path,
    name: note.name,
    format: note.format,
    ...(created ? { created } : {}),
    ...(updated ? { updated } : {}),
    // Not one the site uses for itself: `cssclasses: [nav-open]` would open the menu over the page.
    cssClasses: stringList(frontmatter.cssclasses ?? frontmatter.cssclass ?? frontmatter.cssClasses).filter((c) => /^[\w-]+$/.test(c) && !isReservedClass(c)),
    title,
    frontmatter,
    aliases: stringList(frontmatter.aliases ?? frontmatter.alias),
    tags: propertyTags(frontmatter.tags ?? frontmatter.tag),
    properties,
    propertyLines: note.propertyLines,
    parts,
  };
}
