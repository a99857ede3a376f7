/**
 * Why: a note's HTML is parsed into the same tree as the markup Quire made
 * from its Markdown, and the two must be told apart. Quire's own classes,
 * ids, `data-*` and `aria-*` attributes (a callout's `callout-tip`, a block's
 * `^id`, a footnote's `data-footnote-ref`, a wiki-link's `data-quire-link`
 * placeholder) are exactly what a note's HTML may not write. So before the
 * note's HTML is parsed, each element Quire made hands those properties over
 * to a seal: one attribute holding a token with a secret of this process,
 * which no note can guess. After sanitising, `unseal` gives them back to the
 * elements that hold a real token; an element without one came from the note.
 */
import { randomUUID } from 'node:crypto';
import type { Element, Properties, Root } from 'hast';
import { visit } from './visit.ts';

const SECRET = `${randomUUID()}:`;
/** What a seal holds: the properties taken, and the order of all the element's properties, so the HTML written is the same. */
interface Seal {
  own: Properties;
  order: string[];
}

/** Seals by token, until the tree they were made in has been sanitised. */
const sealed = new Map<string, Seal>();
let next = 0;

const isProtected = (key: string) => key === 'className' || key === 'id' || /^(data|aria)[A-Z]/.test(key);

/** Rehype plugin: seals the protected properties of every element already in the tree. */
export default function rehypeSealMarkup() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      let own: Properties | undefined;
      const keys = Object.keys(node.properties);
      for (const key of keys) {
        if (!isProtected(key)) continue;
        own ??= {};
        // A data attribute set to true reads `data-x=""` once parsed as HTML; it is kept so, whether the note's HTML is parsed or not.
        own[key] = node.properties[key] === true && key.startsWith('data') ? '' : node.properties[key];
        delete node.properties[key];
      }
      if (!own) return;
      const token = `${SECRET}${next++}`;
      sealed.set(token, { own, order: keys });
      node.properties.dataQuireSealed = token;
    });
  };
}

/**
 * Takes the seal off an element: if it holds a real token, gives it back
 * Quire's own properties, in their first order, and answers true. The seal
 * attribute is removed either way. An element the HTML parser copied (it
 * reopens a `<b>` or `<a>` that raw HTML cut through) holds the same token,
 * and gets the same properties.
 */
export function unseal(node: Element): boolean {
  const token = node.properties.dataQuireSealed;
  delete node.properties.dataQuireSealed;
  const seal = typeof token === 'string' && token.startsWith(SECRET) ? sealed.get(token) : undefined;
  if (!seal) return false;
  const now = node.properties;
  const restored: Properties = {};
  for (const key of seal.order) {
    const value = key in seal.own ? seal.own[key] : now[key];
    // A copy of a list: an element the parser copied shares the seal, and each must own its classes.
    if (value !== undefined) restored[key] = Array.isArray(value) ? [...value] : value;
  }
  for (const [key, value] of Object.entries(now)) if (!(key in restored)) restored[key] = value;
  node.properties = restored;
  return true;
}

/** Forgets every seal: called once a tree is sanitised. Rendering is synchronous, so no other tree is between sealing and sanitising. */
export function releaseSeals(): void {
  sealed.clear();
}
