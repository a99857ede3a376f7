/**
 * The order of Quire's Obsidian-flavoured Markdown plugins, in one place:
 * `.md` notes use them through src/vault/prepare/markdown.ts and src/vault/prepare/render.ts,
 * `.mdx` notes through astro.config.mjs, so both kinds of note read alike.
 * Comments are not here: they are cut from the source before parsing
 * (./strip-comments.ts).
 */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkWikiLink from 'remark-wiki-link';
import type { Plugin } from 'unified';
import rehypeCodeBlockIds from './rehype-code-block-ids.ts';
import rehypeCodeHighlight from './rehype-code-highlight.ts';
import rehypeMermaid from './rehype-mermaid.ts';
import rehypeTaskLabels from './rehype-task-labels.ts';
import remarkCallouts from './remark-callouts.ts';
import remarkHighlights from './remark-highlights.ts';
import remarkLineBreaks from './remark-line-breaks.ts';
import remarkObsidianMath from './remark-obsidian-math.ts';
import rehypeWebEmbeds from './rehype-web-embeds.ts';
import remarkWebEmbeds from './remark-web-embeds.ts';

/** A plugin, or a plugin and its options: what both unified's `use` and Astro's `markdown.processor` take (plugins differ in options and trees, hence `any`). */
type PluginEntry = Plugin<any[], any, any> | [Plugin<any[], any, any>, unknown];

/**
 * Syntax and tree changes on the Markdown side, after GFM and frontmatter.
 * remark-wiki-link's alias divider is `:` unless told otherwise; Obsidian's
 * is `|`, and chapter titles are full of colons.
 */
export const remarkObsidian: PluginEntry[] = [
  [remarkWikiLink, { aliasDivider: '|' }],
  remarkObsidianMath,
  remarkHighlights,
  remarkCallouts,
  remarkWebEmbeds,
];

/**
 * Obsidian's line breaks (R22): a single newline in a paragraph is a line
 * break unless the vault's settings ask for strict line breaks. Applied last
 * on the Markdown side, after block ids and tags have been read from the
 * lines as written, and just before the tree becomes HTML.
 */
export function lineBreaks(settings: { strictLineBreaks: boolean }): PluginEntry[] {
  return settings.strictLineBreaks ? [] : [remarkLineBreaks];
}

/**
 * The HTML side, once the note's own HTML is safe (sanitised for `.md`;
 * an `.mdx` note is code its author wrote). Heading ids come before KaTeX,
 * so a heading with a formula gets its id from the formula's source, not
 * from KaTeX's markup; diagrams are taken out before code is highlighted.
 * A formula is a note's text too: KaTeX does not trust it, so `\href`,
 * `\url`, `\includegraphics` and `\htmlClass`-like commands render as
 * errors, never as links, images or attributes.
 */
export const rehypeObsidian: PluginEntry[] = [
  rehypeCodeBlockIds,
  rehypeTaskLabels,
  rehypeSlug,
  rehypeMermaid,
  [rehypeKatex, { strict: 'ignore', trust: false }],
  rehypeCodeHighlight,
  rehypeWebEmbeds,
  [rehypeExternalLinks, { target: '_blank', rel: ['noopener', 'noreferrer'], properties: { className: ['external'] } }],
];
