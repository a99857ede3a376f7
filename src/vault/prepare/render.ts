import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from '../../markdown/visit.ts';
import { rehypeObsidian } from '../../markdown/pipeline.ts';
import rehypeSanitizeNote from '../../markdown/rehype-sanitize-note.ts';
import rehypeSealMarkup from '../../markdown/seal-markup.ts';
import type { WikiLinkNode } from './markdown.ts';
import type { BodyChunk } from './types.ts';

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
 * The site's rendering pipeline: mdast to hast with the note's own HTML
 * parsed (rehype-raw) and sanitised, before anything that adds markup of
 * its own runs: heading ids from rehype-slug with a fresh slugger per page
 * (so repeated headings get `-1`, `-2`), diagrams, KaTeX, Shiki and
 * external-link attributes (src/markdown/pipeline.ts). Quire's own markup is
 * sealed before the note's HTML is parsed, so that the sanitiser can tell
 * the two apart and a note cannot forge a link, an embed or a class of the
 * site's (src/markdown/seal-markup.ts). A site whose owner trusts every
 * note's HTML (`allowRawHtml`) skips the sanitising.
 */
function pipeline(rawHtml: RawHtml, parseRaw: boolean) {
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: true, handlers: { wikiLink: wikiLinkHandler } as never });
  if (rawHtml === 'trust') return (parseRaw ? toHast.use(rehypeRaw) : toHast).use(rehypeObsidian);
  const sealed = toHast.use(rehypeSealMarkup);
  return (parseRaw ? sealed.use(rehypeRaw) : sealed).use(rehypeSanitizeNote).use(rehypeObsidian);
}

const pipelines = {
  sanitize: { raw: pipeline('sanitize', true), plain: pipeline('sanitize', false) },
  trust: { raw: pipeline('trust', true), plain: pipeline('trust', false) },
};

/**
 * Whether rendering must parse HTML: the note holds some, or footnotes,
 * whose attributes rehype-raw writes as `data-footnote-ref=""`. Most notes
 * have neither, and parsing the whole page as HTML again was about a third
 * of the time it takes to prepare a note.
 */
function needsRawParse(tree: MdastRoot): boolean {
  let needed = false;
  visit(tree, (node: { type: string }) => {
    if (node.type === 'html' || node.type === 'footnoteReference' || node.type === 'footnoteDefinition' || node.type.startsWith('mdx')) {
      needed = true;
      return EXIT;
    }
    return undefined;
  });
  return needed;
}

export type RawHtml = 'sanitize' | 'trust';

/** `parseRaw` is for tests, which check that skipping the HTML parse changes nothing. */
export function renderToHast(tree: MdastRoot, rawHtml: RawHtml = 'sanitize', parseRaw = needsRawParse(tree)): HastRoot {
  const { raw, plain } = pipelines[rawHtml];
  return (parseRaw ? raw : plain).runSync(tree) as HastRoot;
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
      headings.push({ depth: Number(match[1]), id: node.properties.id, text: readableText(node) });
    }
  });
  return headings;
}

/** An element's text as a reader would say it: a KaTeX formula as its TeX source, not its markup's text twice over. */
function readableText(node: Element): string {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  if (classes.includes('katex')) {
    let tex = '';
    visit(node, 'element', (child) => {
      if (child.tagName === 'annotation') tex = hastText(child);
    });
    return tex;
  }
  return node.children.map((child) => (child.type === 'element' ? readableText(child) : child.type === 'text' ? child.value : '')).join('');
}

export function serializeBody(tree: HastRoot): BodyChunk[] {
  return tree.children.map((node) => {
    const html = toHtml({ type: 'root', children: [node] });
    const id = node.type === 'element' && node.tagName === 'h2' ? node.properties.id : undefined;
    return typeof id === 'string' ? { html, h2: id } : { html };
  });
}
