/**
 * Why: Obsidian reads `$…$` as inline math and `$$…$$` as display math
 * (rendered with KaTeX by rehype-katex later). remark-math pairs any two
 * dollars, but Obsidian takes `$…$` for math only when no space follows the
 * opening `$` and none precedes the closing one, so prices such as
 * `$5 and $10` stay text; this plugin adds remark-math's syntax and puts
 * such false pairs back as text. `$$…$$` inside a line is display math in
 * Obsidian, so it is marked for display too.
 */
import type { Root, Text } from 'mdast';
import remarkMath from 'remark-math';
import type { Processor } from 'unified';
import { SKIP, visit } from './visit.ts';
import type { VFile } from 'vfile';

export interface RemarkObsidianMathOptions {
  /** Whether one `$` opens inline math. Default `true`, as in Obsidian. */
  singleDollarTextMath?: boolean;
}

export default function remarkObsidianMath(this: Processor, options: RemarkObsidianMathOptions = {}) {
  remarkMath.call(this as never, { singleDollarTextMath: options.singleDollarTextMath ?? true });
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    visit(tree, 'inlineMath', (node, index, parent) => {
      const start = node.position?.start.offset;
      const dollars = start !== undefined && source.startsWith('$$', start) ? '$$' : '$';
      if (dollars === '$' && /^\s|\s$/u.test(node.value) && parent && index !== undefined) {
        parent.children.splice(index, 1, { type: 'text', value: `$${node.value}$` } satisfies Text);
        return [SKIP, index + 1];
      }
      if (dollars === '$$') node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
      return undefined;
    });
  };
}
