import type { Heading as MdastHeading, Nodes } from 'mdast';
import { isReservedClass } from '../markdown/reserved-classes.ts';
import { visitParents } from '../markdown/visit.ts';
import { markBlocks } from './blocks.ts';
import { markEmbeds, type WikiEmbedNode } from './embeds.ts';
import { splitNote, type NotePart } from './book.ts';
import { isUnpublished, readFrontmatter, stringList, type Frontmatter } from './frontmatter.ts';
import { excerpt, textAround } from './excerpt.ts';
import { parseLinkTarget, linkDisplayText, type LinkTarget } from './link-target.ts';
import { formatOf, parseMarkdown, type NoteFormat, type WikiLinkNode } from './markdown.ts';
import type { Problem } from './problems.ts';
import type { SourceFile } from './read-vault.ts';
import { headingsOf, renderToHast, serializeBody, type BodyChunk, type RawHtml, type WikiLinkData } from './render.ts';
import { markVaultUrlLines } from './relative-urls.ts';
import { noteName } from './resolve.ts';
import { linkInlineTags } from './tags.ts';
import type { VaultPath } from './types.ts';

/** A wiki-link as it stands in a note, before it is resolved. */
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
  parts: PreparedPart[];
}

export type ReadNote =
  | { ok: true; path: VaultPath; name: string; format: NoteFormat; frontmatter: Frontmatter; published: boolean; tree: import('mdast').Root; source: string; modified?: Date }
  | { ok: false; path: VaultPath; problem: Problem };

/** Parses a note and reads its properties. A note whose properties cannot be read is never published: they may have said `publish: false`. */
export function readNote(file: SourceFile): ReadNote {
  const format = formatOf(file.path);
  let tree: import('mdast').Root;
  try {
    tree = parseMarkdown(file.text, format);
  } catch (error) {
    // Markdown always parses; MDX can fail on a stray `<` or `{`.
    const place = error as { line?: number; reason?: string; message?: string };
    return {
      ok: false,
      path: file.path,
      problem: {
        rule: 'unreadable-file',
        file: file.path,
        ...(place.line ? { line: place.line } : {}),
        message: `Could not be parsed as ${format === 'mdx' ? 'MDX' : 'Markdown'}: ${place.reason ?? place.message ?? String(error)}; it is not published`,
        hint: format === 'mdx' ? 'escape a literal < or { as \\< or \\{, or rename the note to .md' : 'report this note to Quire',
        severity: 'error',
      },
    };
  }
  const frontmatter = readFrontmatter(tree);
  if (!frontmatter.ok) {
    return {
      ok: false,
      path: file.path,
      problem: {
        rule: 'bad-frontmatter',
        file: file.path,
        line: frontmatter.line,
        message: `Properties (YAML frontmatter) could not be read: ${frontmatter.message}`,
        hint: 'the note is not published until its properties are fixed',
        severity: 'error',
      },
    };
  }
  return {
    ok: true,
    path: file.path,
    name: noteName(file.path),
    format,
    frontmatter: frontmatter.data,
    published: !isUnpublished(frontmatter.data),
    tree,
    source: file.text,
    ...(file.modified ? { modified: file.modified } : {}),
  };
}

/** The alias written after `|`, read from the source because the parser gives a link without one its target as alias. */
function aliasOf(node: WikiLinkNode, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const inner = source.slice(start + 2, end - 2);
  const divider = inner.indexOf('|');
  return divider === -1 ? undefined : inner.slice(divider + 1);
}

/** A date property as an ISO string, if it is one. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = Date.parse(String(value));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An embed's `|` part is display text unless it is an image size. */
const imageSizeOrText = (alias: string | undefined) => (alias !== undefined && /^\d+(x\d+)?$/.test(alias.trim()) ? undefined : alias);

/** What a wiki-link reads on the page: its alias, else its target as Obsidian shows it. */
export function wikiLinkText(node: WikiLinkNode, source: string): string {
  return linkDisplayText(parseLinkTarget(node.value), aliasOf(node, source));
}

const EXCERPT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

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
  } = {},
): PreparedNote {
  const { whole = false, rawHtml = 'sanitize' } = options;
  const { frontmatter, tree, source, path } = note;
  const title = typeof frontmatter.title === 'string' && frontmatter.title.trim() ? frontmatter.title.trim() : note.name;
  // An MDX note is compiled whole by @astrojs/mdx, so it is never split into chapters.
  const split: NotePart[] = whole || note.format === 'mdx' ? [{ kind: 'note', tree }] : splitNote(tree, frontmatter);
  const parts = split.map((part, partIndex): PreparedPart => {
    const blocks = markBlocks(part.tree);
    const tags = linkInlineTags(part.tree, source, tagHref);
    const mdastHeadings: MdastHeading[] = [];
    const pending: { occurrence: Omit<LinkOccurrence, 'trail'>; stack: MdastHeading[] }[] = [];
    let stack: MdastHeading[] = [];

    markEmbeds(part.tree);
    // Name every link first, so an excerpt shows the other links of its passage as they read.
    visitParents(part.tree, (node, ancestors) => {
      if (node.type === 'wikiLink') {
        const link = node as WikiLinkNode;
        const data = link.data as unknown as WikiLinkData;
        data.quireText = wikiLinkText(link, source);
        data.quireLink = nextLinkIndex();
      } else if (node.type === 'wikiEmbed') {
        const embed = node as WikiEmbedNode;
        const index = nextLinkIndex();
        const inline = ancestors[ancestors.length - 1]?.type === 'paragraph';
        // A placeholder the model fills with the embedded note, image, PDF or media once everything is resolved.
        embed.data = {
          quireLink: index,
          quireText: linkDisplayText(parseLinkTarget(embed.value), imageSizeOrText(embed.alias)),
          hName: inline ? 'span' : 'div',
          hProperties: { dataQuireEmbed: String(index) },
          hChildren: [],
        };
      }
    });
    const passages: Omit<Passage, 'trail'>[] = [];
    const passageStacks: MdastHeading[][] = [];
    visitParents(part.tree, (node, ancestors) => {
      if (node.type === 'heading') {
        mdastHeadings.push(node);
        stack = [...stack.filter((h) => h.depth < node.depth), node];
      }
      if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
        passages.push({ text: textAround(node as Nodes, node as Nodes).text.replace(/\s+/g, ' ').trim(), plain: plainText(node as Nodes), line: node.position?.start.line ?? 0 });
        passageStacks.push([...stack]);
      }
      if (node.type === 'heading') return;
      if (node.type !== 'wikiLink' && node.type !== 'wikiEmbed') return;
      const link = node as WikiLinkNode | WikiEmbedNode;
      const target = parseLinkTarget(link.value);
      const { quireLink: index, quireText: text } = link.data as unknown as WikiLinkData;
      const embed =
        link.type === 'wikiEmbed'
          ? { ...(link.alias !== undefined ? { alias: link.alias } : {}), inline: ancestors[ancestors.length - 1]?.type === 'paragraph' }
          : undefined;
      const block = [...ancestors].reverse().find((a) => EXCERPT_BLOCKS.has(a.type)) ?? ancestors[ancestors.length - 1]!;
      const around = textAround(block as Nodes, link as unknown as Nodes);
      pending.push({
        occurrence: {
          index,
          from: path,
          part: partIndex,
          line: link.position?.start.line ?? 0,
          raw: link.value,
          target,
          text,
          excerpt: excerpt(around.text, around.at),
          ...(embed ? { embed } : {}),
        },
        stack: [...stack],
      });
    });

    const hast = renderToHast(part.tree, rawHtml);
    markVaultUrlLines(hast);
    const rendered = headingsOf(hast);
    const headings: PartHeading[] = mdastHeadings.map((heading, i) => ({
      depth: heading.depth,
      text: headingSource(heading, source),
      displayText: rendered[i]?.text ?? '',
      id: rendered[i]?.id ?? '',
      line: heading.position?.start.line ?? 0,
    }));
    for (const { occurrence, stack: above } of pending) {
      occurrences.push({ ...occurrence, trail: above.map((h) => mdastHeadings.indexOf(h)) });
    }
    const trails = new Map<MdastHeading, number>(mdastHeadings.map((h, i) => [h, i]));
    const finishedPassages = passages.map((p, i) => ({ ...p, trail: passageStacks[i]!.map((h) => trails.get(h)!) }));
    const content = part.tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'definition' && node.type !== 'footnoteDefinition');
    const empty = content.length === 0 || (content.length === 1 && content[0]!.type === 'heading');
    return { kind: part.kind, empty, body: serializeBody(hast), headings, tags, blocks, passages: finishedPassages };
  });

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
    tags: stringList(frontmatter.tags ?? frontmatter.tag).map((tag) => tag.replace(/^#/, '')),
    parts,
  };
}

/** Text outside links and code: what a plain-text mention is looked for in. */
function plainText(node: Nodes): string {
  if (node.type === 'wikiLink' || node.type === 'wikiEmbed' || node.type === 'link' || node.type === 'inlineCode' || node.type === 'code') return ' ';
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? ' ' : node.value;
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join('');
  return ' ';
}

/** A heading as the author wrote it (the text a link names), taken from the source so `[[links]]` in it stay as written. */
function headingSource(heading: MdastHeading, source: string): string {
  const first = heading.children[0]?.position?.start.offset;
  const last = heading.children[heading.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return '';
  return source.slice(first, last).trim();
}
