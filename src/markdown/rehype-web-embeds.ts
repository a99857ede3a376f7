import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from './visit.ts';
import { youTubePage, youTubePlayer, type YouTubeVideo } from './web-embeds.ts';

/**
 * What the YouTube player may do in its frame: run its scripts in its own
 * origin (youtube-nocookie.com, never the site's, so `allow-same-origin`
 * gives it nothing of the site's), go full screen, and open YouTube in a new
 * tab; never navigate the page it is on.
 */
const PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';
const PLAYER_FEATURES = 'accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen';

const hostOf = (src: string) => {
  try {
    return new URL(src).hostname;
  } catch {
    return src;
  }
};

function player(placeholder: Element): Element {
  const id = String(placeholder.properties.dataQuireYoutube);
  const start = Number(placeholder.properties.dataQuireStart);
  const video: YouTubeVideo = Number.isInteger(start) && start > 0 ? { id, start } : { id };
  const title = String(placeholder.properties.dataQuireTitle ?? '').trim();
  const block = placeholder.tagName === 'div';
  const frame = h('iframe', {
    src: youTubePlayer(video),
    title: title ? `YouTube video: ${title}` : 'YouTube video',
    loading: 'lazy',
    sandbox: PLAYER_SANDBOX,
    allow: PLAYER_FEATURES,
    allowFullScreen: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  // The link stays when the player cannot play: without JavaScript, or where YouTube is blocked.
  const link = h('a', { href: youTubePage(video) }, title ? `Watch “${title}” on YouTube` : 'Watch on YouTube');
  const id_ = placeholder.properties.id;
  return h(block ? 'div' : 'span', { className: ['embed-web', 'embed-youtube'], ...(id_ !== undefined ? { id: id_ } : {}) }, [frame, block ? h('p', link) : link]);
}

/**
 * Why: a web page embedded in a note is a frame the reader may not see (no
 * JavaScript, a blocked site, a printed page), so it gets a plain link to
 * what it shows. Runs after the note's HTML is sanitised: the player of a
 * YouTube video marked by remark-web-embeds.ts is built here, by Quire, and
 * a frame the note's own HTML wrote (which the sanitiser kept: https only,
 * sandboxed) gets the link after it. Frames Quire makes later (PDFs) come
 * with their own.
 */
export default function rehypeWebEmbeds() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent: Root | Element | undefined) => {
      if (!parent || index === undefined) return undefined;
      if (node.properties.dataQuireYoutube !== undefined) {
        if (!/^[A-Za-z0-9_-]{11}$/.test(String(node.properties.dataQuireYoutube))) {
          parent.children.splice(index, 1);
          return index;
        }
        parent.children.splice(index, 1, player(node));
        return [SKIP, index + 1];
      }
      if (node.tagName !== 'iframe' || typeof node.properties.src !== 'string' || !/^https?:\/\//i.test(node.properties.src)) return undefined;
      // Links leaving the site are marked as such by rehype-external-links, after this.
      const link: ElementContent = h('a', { href: node.properties.src }, `Open the embedded page (${hostOf(node.properties.src)})`);
      const after = parent.type === 'root' ? h('p', { className: ['embed-web-link'] }, link) : link;
      parent.children.splice(index + 1, 0, after as never);
      return [SKIP, index + 2];
    });
  };
}
