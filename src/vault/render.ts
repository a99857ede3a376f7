import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import rehypeSlug from 'rehype-slug';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { WikiLinkNode } from './markdown.ts';

/** Data the model puts on a wiki-link node before rendering: which link it is and what it reads. */
export interface WikiLinkData {
  quireLink: number;
  quireText: string;
}

/** A wiki-link becomes a placeholder `<a>` that `finishHtml` fills once every link is resolved. */
function wikiLinkHandler(_state: State, node: WikiLinkNode): Element {
  const data = node.data as unknown as WikiLinkData;
  return {
    type: 'element',
    tagName: 'a',
    properties: { dataQuireLink: String(data.quireLink) },
    children: [{ type: 'text', value: data.quireText }],
  };
}

/**
 * The site's rendering pipeline: mdast to hast, then heading ids from
 * rehype-slug with a fresh slugger per page, so repeated headings get `-1`, `-2`.
 */
const toHastPipeline = unified()
  .use(remarkRehype, { handlers: { wikiLink: wikiLinkHandler } as never })
  .use(rehypeSlug);

export function renderToHast(tree: MdastRoot): HastRoot {
  return toHastPipeline.runSync(tree) as HastRoot;
}

export interface RenderedHeading {
  depth: number;
  id: string;
  text: string;
}

/** The page's headings in document order, with the ids they really carry. */
export function headingsOf(tree: HastRoot): RenderedHeading[] {
  const headings: RenderedHeading[] = [];
  visit(tree, 'element', (node) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (match && typeof node.properties.id === 'string') {
      headings.push({ depth: Number(match[1]), id: node.properties.id, text: hastText(node) });
    }
  });
  return headings;
}

/** How a resolved wiki-link is written out. */
export type LinkRendering =
  | { kind: 'link'; href: string; className: string[]; title?: string }
  | { kind: 'text' };

/** Fills the wiki-link placeholders and serialises the page body. */
export function finishHtml(tree: HastRoot, renderingOf: (link: number) => LinkRendering): string {
  visit(tree, 'element', (node, index, parent) => {
    const marker = node.properties.dataQuireLink;
    if (marker === undefined) return;
    const rendering = renderingOf(Number(marker));
    delete node.properties.dataQuireLink;
    if (rendering.kind === 'text' && parent && index !== undefined) {
      parent.children.splice(index, 1, ...(node.children as ElementContent[]));
      return [SKIP, index];
    }
    if (rendering.kind === 'link') {
      node.properties.href = rendering.href;
      node.properties.className = rendering.className;
      if (rendering.title) node.properties.title = rendering.title;
    }
    return undefined;
  });
  return toHtml(tree);
}
