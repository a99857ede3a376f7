import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from '../../../markdown/visit.ts';
import type { BodyChunk } from '../../prepare/types.ts';
import type { LinkRendering } from '../../types.ts';

/** Fills the wiki-link placeholders of a page's tree: each becomes its link, or its text. */
export function fillLinks(tree: HastRoot, renderingOf: (link: number) => LinkRendering): void {
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
}

/**
 * The tree a body was serialised from, for the rare page that needs one
 * (embeds, or Markdown links with vault paths), with its placeholders'
 * numbers moved on by `offset`: a note numbers its links from 0.
 */
export function parseBody(chunks: readonly BodyChunk[], offset: number): HastRoot {
  const tree = fromHtml(chunks.map((chunk) => chunk.html).join(''), { fragment: true });
  if (offset === 0) return tree;
  visit(tree, 'element', (node: Element) => {
    for (const key of ['dataQuireLink', 'dataQuireEmbed'] as const) {
      const n = node.properties[key];
      if (n !== undefined) node.properties[key] = String(Number(n) + offset);
    }
  });
  return tree;
}

/** What only a tree can finish: embeds to expand, vault URLs to rewrite (see relative-urls.ts). */
export const needsTree = (chunks: readonly BodyChunk[]): boolean =>
  chunks.some((chunk) => chunk.html.includes('data-quire-embed=') || chunk.html.includes('data-quire-line='));

/** A wiki-link placeholder exactly as `wikiLinkHandler` makes it and toHtml writes it: its text cannot hold a `<`. */
const PLACEHOLDER = /<a data-quire-link="(\d+)">([^<]*)<\/a>/g;

/**
 * `fillLinks` for a body that needs no tree, done on the text: each
 * placeholder becomes its link (written by toHtml, so the output is the same
 * byte for byte) or its text. Undefined if some placeholder is not in the
 * shape expected, so the caller falls back to the tree.
 */
export function finishHtmlText(html: string, renderingOf: (link: number) => LinkRendering): string | undefined {
  const total = html.split('data-quire-link=').length - 1;
  let replaced = 0;
  const finished = html.replace(PLACEHOLDER, (_match, marker: string, text: string) => {
    replaced++;
    const rendering = renderingOf(Number(marker));
    if (rendering.kind === 'text') return text;
    return `${openingTag(rendering)}${text}</a>`;
  });
  return replaced === total ? finished : undefined;
}

/** A link rendering as one string: equal strings render the same. */
export function renderingKey(rendering: LinkRendering): string {
  return rendering.kind === 'text' ? 't' : `${rendering.href}\0${rendering.className.join(' ')}\0${rendering.title ?? ''}`;
}

const openingTags = new Map<string, string>();

function openingTag(rendering: Extract<LinkRendering, { kind: 'link' }>): string {
  const key = renderingKey(rendering);
  let tag = openingTags.get(key);
  if (tag === undefined) {
    const properties = { href: rendering.href, className: rendering.className, ...(rendering.title ? { title: rendering.title } : {}) };
    tag = toHtml({ type: 'element', tagName: 'a', properties, children: [] }).slice(0, -'</a>'.length);
    if (openingTags.size > 50_000) openingTags.clear();
    openingTags.set(key, tag);
  }
  return tag;
}
