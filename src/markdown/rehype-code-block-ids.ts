/**
 * Why: a `^block-id` line after a code block or a `$$` formula gives it an id
 * (src/vault/prepare/blocks.ts), which lands on the `<code>` inside the `<pre>`. Code
 * highlighting, KaTeX and diagrams each replace that `<pre>` whole, and the id
 * would go with it, breaking `[[Note#^id]]`. So the id moves to a `<div>`
 * around the block first. Runs before those plugins.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from './visit.ts';

export interface RehypeCodeBlockIdsOptions {
  /** The class of the wrapper. Default `code-block`. */
  className?: string;
}

export default function rehypeCodeBlockIds(options: RehypeCodeBlockIdsOptions = {}) {
  const className = options.className ?? 'code-block';
  return (tree: Root) => {
    visit(tree, 'element', (pre: Element, index, parent) => {
      if (pre.tagName !== 'pre' || !parent || index === undefined) return undefined;
      const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      const id = pre.properties.id ?? code?.properties.id;
      if (id === undefined || id === null) return undefined;
      delete pre.properties.id;
      if (code) delete code.properties.id;
      parent.children[index] = { type: 'element', tagName: 'div', properties: { id, className: [className] }, children: [pre] };
      return SKIP;
    });
  };
}
