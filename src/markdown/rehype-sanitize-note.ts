/**
 * Why: notes are pasted from the web, clipped and shared, and the HTML in
 * them is untrusted. It is rendered as Obsidian renders it, formatting and
 * all, but nothing in it may run script, cover or rewire the page, spoof
 * search or fetch from elsewhere. An allowlist keeps what people write to
 * format notes (`<b>`, `<kbd>`, `<sup>`, `<details>`, `<mark>`, tables,
 * pictures, alignment, an inline `style` within ./note-style.ts) and drops
 * everything else: `<script>`, `<style>`, `<form>`, `<object>`, `<svg>` and
 * `<math>` go with their contents; `<base>`, `<meta>` and `<link>` go; so do
 * `on…` handlers, `data-*` attributes and URLs that are not http(s), mail or
 * phone (a `javascript:` link from HTML or Markdown alike).
 *
 * It runs right after rehype-raw has parsed the note's HTML, on a tree where
 * Quire's own markup has sealed its classes, ids and data attributes
 * (./seal-markup.ts). Those come back as they were; an element without a
 * seal came from the note, and its classes, ids and names are policed:
 * - a class the site uses for itself (./reserved-classes.ts) is dropped;
 * - an `id` or `name` gets the prefix `user-content-`, so that it can never
 *   be taken for a property of `document` or `window` (`<img name="body">`
 *   would otherwise replace `document.body` for the site's scripts), and
 *   links to it inside the note (`href="#anchor"`) get the prefix too;
 * - an `<iframe>` is kept only with an `https:` source, sandboxed so that
 *   the page it shows has no access to the site's origin and cannot
 *   navigate the site away.
 * Plugins that run after this one (heading ids, KaTeX, Shiki, external
 * links) add markup of their own and are not affected.
 */
import type { Element, Root } from 'hast';
import rehypeSanitize, { type Options as Schema } from 'rehype-sanitize';
import { sanitizeStyle } from './note-style.ts';
import { isReservedClass } from './reserved-classes.ts';
import { releaseSeals, unseal } from './seal-markup.ts';
import { SKIP, visit } from './visit.ts';

/** What a note's ids and names are given, so that no note can name a property of `document` or `window`. */
export const ID_PREFIX = 'user-content-';

/** Attributes an iframe from a note is given: scripts run in its own opaque origin; it can open a new tab, never navigate this one. */
export const IFRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation';

const TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby',
  's', 'samp', 'section', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'audio', 'wbr',
];

/** Removed with everything inside them, not just unwrapped. */
const STRIP = [
  'script', 'style', 'object', 'embed', 'applet', 'template', 'noscript', 'noembed', 'noframes', 'frameset', 'frame',
  'textarea', 'select', 'title', 'head', 'xmp', 'plaintext', 'svg', 'math',
];

const ALIGN = ['align', 'left', 'right', 'center', 'justify'] as const;

const SCHEMA: Schema = {
  allowComments: false,
  allowDoctypes: false,
  tagNames: TAGS,
  strip: STRIP,
  clobberPrefix: ID_PREFIX,
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  attributes: {
    '*': ['className', 'style', 'title', 'lang', 'dir', 'hidden', 'id', 'ariaLabel', 'ariaHidden', 'ariaDescribedBy', 'ariaLabelledBy', 'dataQuireSealed'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height', 'loading', [...ALIGN]],
    picture: [],
    source: ['src', 'srcSet', 'media', 'type', 'width', 'height'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload', 'width', 'height'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    iframe: ['src', 'width', 'height', 'allowFullScreen'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    details: ['open', 'name'],
    ol: ['start', 'reversed', 'type'],
    ul: ['type'],
    li: ['value'],
    table: ['border', 'cellPadding', 'cellSpacing', 'width', [...ALIGN]],
    td: ['colSpan', 'rowSpan', 'headers', 'width', [...ALIGN], 'vAlign'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'width', [...ALIGN], 'vAlign'],
    tr: [[...ALIGN], 'vAlign'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    font: ['color', 'face', 'size'],
    p: [[...ALIGN]],
    div: [[...ALIGN]],
    h1: [[...ALIGN]],
    h2: [[...ALIGN]],
    h3: [[...ALIGN]],
    h4: [[...ALIGN]],
    h5: [[...ALIGN]],
    h6: [[...ALIGN]],
  },
  required: {
    iframe: { sandbox: IFRAME_SANDBOX, referrerPolicy: 'strict-origin-when-cross-origin', loading: 'lazy' },
    // Without these, an `<input>` of any other type would be a text field a fake form could use.
    input: { type: 'checkbox', disabled: true },
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
    poster: ['http', 'https'],
    cite: ['http', 'https'],
  },
};

/** The names a note's own ids and names had, before the prefix: links to them inside the note are given it too. */
type Anchors = Set<string>;

const isHttps = (url: unknown) => {
  try {
    return typeof url === 'string' && new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

/** The rules for an element of the note's own HTML. Answers false when the element goes altogether. */
function policeElement(node: Element, anchors: Anchors): boolean {
  const { properties } = node;
  if (node.tagName === 'iframe') {
    if (!isHttps(properties.src)) return false;
    // A frame is announced by its title; one the note did not name is named by where it comes from.
    if (typeof properties.title !== 'string' || !properties.title.trim()) properties.title = `Embedded page from ${new URL(String(properties.src)).hostname}`;
  }
  if (Array.isArray(properties.className)) {
    const kept = properties.className.filter((name) => !isReservedClass(String(name)));
    if (kept.length) properties.className = kept;
    else delete properties.className;
  }
  if (typeof properties.style === 'string') {
    const style = sanitizeStyle(properties.style);
    if (style === undefined) delete properties.style;
    else properties.style = style;
  }
  for (const key of ['id', 'name'] as const) {
    const value = properties[key];
    if (typeof value === 'string' && value.startsWith(ID_PREFIX)) anchors.add(value.slice(ID_PREFIX.length));
  }
  return true;
}

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Gives Quire's markup back its sealed properties, and holds the note's own elements to the rules above. */
function finishSanitizing(tree: Root): void {
  const anchors: Anchors = new Set();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (unseal(node)) return undefined;
    if (policeElement(node, anchors) || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  releaseSeals();
  if (anchors.size === 0) return;
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    const fragment = href.slice(1);
    if (!fragment.startsWith(ID_PREFIX) && anchors.has(decoded(fragment))) node.properties.href = `#${ID_PREFIX}${fragment}`;
  });
}

/**
 * Rehype plugin: the note's HTML, sanitised (see the module's comment). The
 * tree's markup from Markdown must have been sealed first with
 * ./seal-markup.ts, or it is held to the rules of the note's own HTML.
 */
export default function rehypeSanitizeNote() {
  const sanitize = rehypeSanitize(SCHEMA) as unknown as (tree: Root) => Root;
  return (tree: Root): Root => {
    const clean = sanitize(tree);
    finishSanitizing(clean);
    return clean;
  };
}
