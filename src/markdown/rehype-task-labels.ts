/**
 * Why: a GFM task (`- [x] done`) renders as a checkbox followed by its text,
 * but nothing ties the two together, so a screen reader announces an
 * unlabelled checkbox (axe: `label`). Wrapping the checkbox and the task's
 * text in one `<label>` names it by its text, as a reader sees it. The
 * checkbox stays disabled: a published note is not a to-do app.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from './visit.ts';

export interface RehypeTaskLabelsOptions {
  /** The class of the label. Default `task-list-label`. */
  className?: string;
}

/** What ends a task's own text: a nested list or another block. */
const BLOCKS = new Set(['ul', 'ol', 'p', 'div', 'pre', 'table', 'blockquote', 'details', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export default function rehypeTaskLabels(options: RehypeTaskLabelsOptions = {}) {
  const className = options.className ?? 'task-list-label';
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' && node.tagName !== 'p') return;
      const start = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (start === -1 || node.children.slice(0, start).some((child) => child.type !== 'text' || child.value.trim() !== '')) return;
      let end = start + 1;
      while (end < node.children.length && !isBlock(node.children[end]!)) end++;
      const label: Element = { type: 'element', tagName: 'label', properties: { className: [className] }, children: node.children.slice(start, end) };
      node.children.splice(start, end - start, label);
    });
  };
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}
