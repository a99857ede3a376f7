/**
 * Why: Obsidian's "strict line breaks" setting is off by default, and then a
 * single newline inside a paragraph shows as a line break in reading view
 * (R22): notes written that way (`*Data Preparation*⏎Data Ingestion >> …`)
 * would otherwise run their lines together, as CommonMark joins them. With
 * the setting on (`"strictLineBreaks": true` in `.obsidian/app.json`) lines
 * are joined, and this plugin is left out.
 *
 * Each newline in a text node becomes a `break` node (`<br>`), the
 * whitespace around it dropped as CommonMark drops it at a soft break. Code
 * and math keep their newlines: their values are not text nodes.
 */
import type { Break, Parent, Root, Text } from 'mdast';
import { SKIP, visit } from './visit.ts';

const NEWLINE = /[ \t]*\r?\n[ \t]*/;

/** The pieces of a text with newlines: text, break, text…, without empty text nodes. */
function split(text: Text): (Text | Break)[] {
  const pieces: (Text | Break)[] = [];
  text.value.split(NEWLINE).forEach((value, i) => {
    if (i > 0) pieces.push({ type: 'break' });
    if (value) pieces.push({ type: 'text', value });
  });
  return pieces;
}

export default function remarkLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !node.value.includes('\n')) return undefined;
      const pieces = split(node);
      parent.children.splice(index, 1, ...(pieces as Parent['children']));
      return [SKIP, index + pieces.length];
    });
  };
}
