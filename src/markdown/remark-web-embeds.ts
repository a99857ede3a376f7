import type { Image, Parent, Root } from 'mdast';
import { unwrapBlockEmbeds } from './block-embeds.ts';
import { visit } from './visit.ts';
import { isPost, youTubeVideo } from './web-embeds.ts';

/** A web page shown in the note (a YouTube video), marked on the Markdown side and built once the note's HTML is safe (rehype-web-embeds.ts). */
export interface WebEmbedNode {
  type: 'webEmbed';
  data: { hName: 'div' | 'span'; hProperties: Record<string, string> };
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    webEmbed: WebEmbedNode;
  }
  interface RootContentMap {
    webEmbed: WebEmbedNode;
  }
}

/**
 * Why: Obsidian embeds a YouTube video written as an image,
 * `![](https://www.youtube.com/watch?v=…)` or `![](https://youtu.be/…)`; as an
 * image it would be a broken picture. Each becomes a placeholder holding
 * the video's id and start (its `data-quire-*` attributes are Quire's own, so
 * they pass the sanitiser), which rehype-web-embeds.ts turns into the player.
 * Alone in its paragraph it is a block, which a block id after it marks.
 */
export default function remarkWebEmbeds() {
  return (tree: Root) => {
    let found = false;
    visit(tree, 'image', (image: Image, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;
      if (isPost(image.url)) {
        // Not embedded (that would run X's script on the page): a link to the post, never a broken picture.
        parent.children.splice(index, 1, { type: 'link', url: image.url, children: [{ type: 'text', value: image.alt || 'View the post on X' }] } as never);
        return undefined;
      }
      const video = youTubeVideo(image.url);
      if (!video) return undefined;
      const properties: Record<string, string> = { dataQuireYoutube: video.id, dataQuireTitle: image.alt || image.title || '' };
      if (video.start) properties.dataQuireStart = String(video.start);
      const embed: WebEmbedNode = { type: 'webEmbed', data: { hName: 'span', hProperties: properties }, ...(image.position ? { position: image.position } : {}) };
      parent.children.splice(index, 1, embed as never);
      found = true;
      return undefined;
    });
    if (!found) return;
    unwrapBlockEmbeds(tree, 'webEmbed');
    // A video that stands as a block is drawn as one.
    visit(tree, 'webEmbed', (node: WebEmbedNode, _index, parent: Parent | undefined) => {
      if (parent?.type !== 'paragraph') node.data.hName = 'div';
    });
  };
}
