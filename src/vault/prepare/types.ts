/**
 * A note prepared on its own: everything about it that does not depend on
 * the other notes. Only data (no trees, no functions), since prepared notes
 * are cached between builds and handed between threads.
 */
import type { NotePart } from './book.ts';
import type { Frontmatter, PropertyLines } from './frontmatter.ts';
import type { LinkTarget } from './link-target.ts';
import type { NoteFormat, Problem, Property, VaultPath } from '../types.ts';

/** Everything of the vault's settings that a note's preparation depends on: part of a cached note's key. */
export interface PrepareContext {
  base: string;
  /** Folded (NFC, lower case) names and aliases of the catalog's services: a note named so is a hub, prepared whole. */
  serviceNames: string[];
  /** Folded, each ending in `/`. */
  privateFolders: string[];
  rawHtml: 'sanitize' | 'trust';
  /** The vault's Obsidian setting (`.obsidian/app.json`): a single newline joins lines instead of breaking them. */
  strictLineBreaks: boolean;
}

/**
 * One note file, read and prepared on its own. Its links are numbered from
 * 0; the model numbers them across the vault.
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
      /** What is wrong in a file that is published all the same: a canvas's nodes left out. */
      problems?: Problem[];
    };

/** A link as it stands in a note, before it is resolved: a wiki-link or embed, a Markdown link or image with a vault path, a link in a property. */
export interface LinkOccurrence {
  /** Its number in the whole vault; the rendered placeholder carries it. */
  index: number;
  from: VaultPath;
  /** Which part (page) of the note it stands on. */
  part: number;
  line: number;
  raw: string;
  target: LinkTarget;
  text: string;
  /** The headings above it on its page, outermost first, as positions in the part's heading list. */
  trail: number[];
  excerpt: string;
  /** For `![[…]]`: what follows `|`, and whether it stands inside a paragraph rather than as a block. */
  embed?: { alias?: string; inline: boolean };
  /**
   * How it was written, when not as `[[…]]`: a Markdown link or image with a
   * vault path (`raw` is its URL), or a `[[…]]` in a property (on the note's
   * first page, above its text).
   */
  form?: 'markdown' | 'property';
  /** The block (`^id`) it stands in, if any: an embed of that block shows it. */
  block?: string;
}

export interface PartHeading {
  depth: number;
  text: string;
  displayText: string;
  id: string;
  line: number;
}

/** A paragraph, heading or table cell: the unit in which services are found mentioned. */
export interface Passage {
  /** As a reader sees it, links shown as their text: for excerpts. */
  text: string;
  /** Without the text of links and code, where a plain-text mention may stand. */
  plain: string;
  trail: number[];
  line: number;
}

/**
 * A part's body between preparing and finishing: its top-level nodes, each
 * serialised, with the wiki-link and embed placeholders still in. Text, not
 * trees, because a tree costs ten times its HTML in memory, and text is cheap
 * to hand between threads and to keep in a cache.
 */
export interface BodyChunk {
  html: string;
  /** The id of an H2 standing at the top level: the section's service links go after it. */
  h2?: string;
}

export interface PreparedPart {
  kind: NotePart['kind'];
  /** Nothing but its heading: a chapter not written yet. */
  empty: boolean;
  /** Rendered, with its links still placeholders, which the model fills once the whole vault is known. */
  body: BodyChunk[];
  headings: PartHeading[];
  tags: string[];
  blocks: { id: string; line: number }[];
  passages: Passage[];
  /** The bases the part shows (a `.base` file's, or its `base` code blocks), each where a placeholder stands in its body. */
  bases?: BaseBlock[];
}

/** A base's YAML, as a `.base` file or a `base` code block holds it. */
export interface BaseBlock {
  /** What its placeholder names it by: its file and the line its YAML starts on. */
  key: string;
  text: string;
  /** 1-based line of the YAML's first line in its file. */
  firstLine: number;
}

export interface PreparedNote {
  path: VaultPath;
  name: string;
  format: NoteFormat;
  /** `date` and `updated` from the properties, else the file's time: ISO dates. */
  created?: string;
  updated?: string;
  /** `cssclasses`, so Obsidian CSS snippets written for them apply. */
  cssClasses: string[];
  title: string;
  frontmatter: Frontmatter;
  aliases: string[];
  /** Tags from the properties; inline tags belong to the part they stand in. */
  tags: string[];
  /** The properties a page shows, their links by their number in the note. */
  properties: Property<number>[];
  /** The line of each property in the note, for what a build reports about it (a permalink, an alias). */
  propertyLines: PropertyLines;
  parts: PreparedPart[];
}
