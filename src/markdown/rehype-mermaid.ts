/**
 * Why: a ```mermaid block in Obsidian shows a diagram, not code. At build time
 * it becomes `<pre class="mermaid">` holding the diagram's source as plain
 * text (never highlighted), which mermaid.js turns into a drawing in the
 * browser (src/scripts/mermaid.ts, loaded only on pages that have one).
 * Without JavaScript the source stays readable. Runs before code highlighting.
 */
import type { Element, Root } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import { visit } from './visit.ts';

export interface RehypeMermaidOptions {
  /** The code block language that holds a diagram. Default `mermaid`. */
  language?: string;
  /** The class the diagram's `<pre>` gets; the client script looks for it. Default `mermaid`. */
  className?: string;
}

export default function rehypeMermaid(options: RehypeMermaidOptions = {}) {
  const languageClass = `language-${options.language ?? 'mermaid'}`;
  const className = options.className ?? 'mermaid';
  return (tree: Root) => {
    visit(tree, 'element', (pre: Element) => {
      const code = pre.children[0];
      if (pre.tagName !== 'pre' || code?.type !== 'element' || code.tagName !== 'code') return;
      const classes = code.properties.className;
      if (!Array.isArray(classes) || !classes.includes(languageClass)) return;
      pre.properties = { className: [className] };
      pre.children = [{ type: 'text', value: hastText(code).replace(/\n$/, '') }];
    });
  };
}
