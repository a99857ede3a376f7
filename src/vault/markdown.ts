import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified } from 'unified';

/**
 * The one Markdown parser of the vault. remark-wiki-link's alias divider is `:`
 * unless told otherwise; Obsidian's is `|`, and chapter titles are full of colons.
 */
const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkWikiLink, { aliasDivider: '|' });

/** `.mdx` notes are read with MDX syntax too, so imports and components are not taken for text. */
const mdx = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkWikiLink, { aliasDivider: '|' });

export type NoteFormat = 'md' | 'mdx';

export const formatOf = (path: string): NoteFormat => (/\.mdx$/i.test(path) ? 'mdx' : 'md');

export function parseMarkdown(text: string, format: NoteFormat = 'md'): Root {
  const parser = format === 'mdx' ? mdx : markdown;
  return parser.runSync(parser.parse(text)) as Root;
}

/** The mdast node remark-wiki-link makes for `[[value|alias]]`. */
export interface WikiLinkNode {
  type: 'wikiLink';
  value: string;
  data: { alias?: string; [key: string]: unknown };
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
  }
}
