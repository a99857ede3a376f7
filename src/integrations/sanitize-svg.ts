/**
 * Why: an SVG is a document, not just a picture. Shown through `<img>` its
 * scripts never run, but opened from its link (`/attachments/drawing.svg`)
 * it runs on the site's origin like any page: its `<script>`, its `onload=`,
 * the HTML inside a `<foreignObject>`, a `javascript:` link. And it can make
 * the reader's browser fetch from elsewhere (`<image href>`, `<use href>`,
 * `@import` and `url()` in its CSS). So an SVG attachment is copied
 * sanitised, by DOMPurify (a maintained sanitiser) with its SVG profile,
 * with these rules on top:
 * - a reference (`href`, `xlink:href`) may only point inside the drawing
 *   (`#id`), except an embedded picture (`data:image/png` and the like) on
 *   `<image>` and a web or mail link on `<a>`;
 * - CSS, in `<style>` or a `style` or presentation attribute, loses
 *   `@import`, `@font-face` and any `url()` that does not point inside the drawing;
 * - `<use>`, which DOMPurify removes for its external references, stays when
 *   it points inside the drawing: icons and diagrams are made of it.
 */
import { generate, parse, walk, type CssNode, type EnterOrLeaveFn } from 'css-tree';
import DOMPurify, { type Config } from 'dompurify';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);

const CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ['use'],
  FORBID_TAGS: ['foreignObject', 'script', 'iframe', 'animate', 'set'],
  IN_PLACE: true,
};

const isLocal = (url: string) => url.trim().startsWith('#');
const isEmbeddedPicture = (url: string) => /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(url.trim());
const isWebLink = (url: string) => /^(https?|mailto):/i.test(url.trim());

/** Whether a piece of CSS fetches or runs something: `url()` to elsewhere, or a function that loads an image. */
function fetchesSomething(node: CssNode): boolean {
  let fetches = false;
  walk(node, (inner) => {
    if (inner.type === 'Url' && !isLocal(inner.value)) fetches = true;
    if (inner.type === 'Function' && /^(-webkit-)?(image-set|image|cross-fade|element|expression|src|paint)$/i.test(inner.name)) fetches = true;
    if (inner.type === 'Raw' && /url\(|expression\(/i.test(inner.value)) fetches = true;
  });
  return fetches;
}

/** A stylesheet or a declaration list without at-rules that load anything and without declarations that fetch. */
function sanitizeCss(css: string, context: 'stylesheet' | 'declarationList'): string {
  const tree = parse(css, { context, parseValue: true, parseCustomProperty: true });
  const remove: EnterOrLeaveFn = (node, item, list) => {
    if (!list || !item) return;
    if (node.type === 'Atrule' && /^(import|font-face|namespace)$/i.test(node.name)) list.remove(item);
    else if (node.type === 'Declaration' && fetchesSomething(node.value)) list.remove(item);
    else if (node.type === 'Raw' && /url\(|@import|expression\(/i.test(node.value)) list.remove(item);
  };
  walk(tree, { enter: remove });
  return generate(tree);
}

/** An attribute's value read as CSS: whether it fetches something (`fill="url(https://…)"`). */
function valueFetches(value: string): boolean {
  if (!/url\(|image|expression|\\/i.test(value)) return false;
  try {
    return fetchesSomething(parse(value, { context: 'value' }));
  } catch {
    return true;
  }
}

purify.addHook('uponSanitizeElement', (node) => {
  if (node.nodeName.toLowerCase() === 'style' && node.textContent) node.textContent = sanitizeCss(node.textContent, 'stylesheet');
});

purify.addHook('uponSanitizeAttribute', (node, data) => {
  const name = data.attrName.toLowerCase();
  const value = data.attrValue;
  const element = node.nodeName.toLowerCase();
  if (name === 'href' || name === 'xlink:href') {
    const allowed = isLocal(value) || (element === 'image' && isEmbeddedPicture(value)) || (element === 'a' && isWebLink(value));
    if (!allowed) data.keepAttr = false;
    else if (element === 'image' && isEmbeddedPicture(value)) data.forceKeepAttr = true;
    return;
  }
  if (name === 'style') data.attrValue = sanitizeCss(value, 'declarationList');
  else if (valueFetches(value)) data.keepAttr = false;
});

export class UnreadableSvgError extends Error {}

/** An SVG file's text, sanitised (see the module's comment), as XML. Throws UnreadableSvgError if it is not well-formed SVG. */
export function sanitizeSvg(text: string): string {
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (document.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg') throw new UnreadableSvgError('not well-formed SVG');
  // A doctype may declare entities; the drawing needs none.
  document.doctype?.remove();
  purify.sanitize(root, CONFIG);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(root)}\n`;
}
