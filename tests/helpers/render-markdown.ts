import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { markBlocks } from '../../src/vault/prepare/blocks.ts';
import { parseMarkdown, type WikiLinkNode } from '../../src/vault/prepare/markdown.ts';
import { renderToHast, type WikiLinkData } from '../../src/vault/prepare/render.ts';
import { linkInlineTags } from '../../src/vault/prepare/tags.ts';
import { fillLinks } from '../../src/vault/stages/finish/fill-links.ts';
import type { LinkRendering, NoteFormat } from '../../src/vault/types.ts';

/** A page's tree with its wiki-link placeholders filled in, as HTML. */
export function finishHtml(tree: Root, renderingOf: (link: number) => LinkRendering): string {
  fillLinks(tree, renderingOf);
  return toHtml(tree);
}

/**
 * A note's body as the site renders it, without a vault: parsed, block ids
 * and tags marked as the model does, rendered and finished. Each wiki-link
 * becomes `<a href="/wiki/<target>/" class="internal">` and each tag links
 * to `/tags/<tag>/`, so a test can see which links were made.
 */
export function renderMarkdown(markdown: string, format: NoteFormat = 'md'): string {
  const tree = parseMarkdown(markdown, format);
  markBlocks(tree);
  linkInlineTags(tree, markdown, (tag) => `/tags/${tag}/`);
  const targets: string[] = [];
  visit(tree, 'wikiLink', (node: WikiLinkNode) => {
    const data = node.data as unknown as WikiLinkData;
    data.quireLink = targets.push(node.value) - 1;
    data.quireText = node.value;
  });
  return finishHtml(renderToHast(tree), (n) => ({ kind: 'link', href: `/wiki/${encodeURIComponent(targets[n]!)}/`, className: ['internal'] }));
}
