import type { Html, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import { visit } from '../../markdown/visit.ts';

export interface BlockMark {
  id: string;
  line: number;
}

const MARKER_AT_END = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;
/** A block id on the last line of a block of HTML (`<iframe …></iframe>` then `^id` on the next line). */
const MARKER_LINE_AT_END = /\n[ \t]*\^([A-Za-z0-9-]+)[ \t]*\n?$/;
const ELEMENT_ID_PREFIX = '^';

/** The id an element carries for block `id`, so `[[Note#^id]]` can land on it. */
export const blockElementId = (id: string): string => `${ELEMENT_ID_PREFIX}${id}`;

function setId(node: { data?: unknown }, id: string) {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id: blockElementId(id) };
}

/**
 * A block of the note's own HTML gets its id from a `div` around it, since
 * raw HTML carries no properties of Quire's: the `div` is a node of the tree
 * that renders as an element.
 */
function wrapHtml(parent: Parent, index: number, id: string): void {
  const html = parent.children[index] as Html;
  const wrapper = { type: 'blockWrapper', children: [html], data: { hName: 'div', hProperties: { id: blockElementId(id) } }, ...(html.position ? { position: html.position } : {}) };
  parent.children.splice(index, 1, wrapper as unknown as RootContent);
}

/** Gives the block at `index` of `parent` the id. */
function markAt(parent: Parent, index: number, id: string): void {
  const node = parent.children[index]!;
  if (node.type === 'html') wrapHtml(parent, index, id);
  else setId(node, id);
}

/**
 * Obsidian's block ids: ` ^id` at the end of a paragraph or a list item's line
 * marks that block; `^id` alone on a line after a list, quote, table, embed
 * or block of HTML marks the block above. The marker is removed from the
 * text and becomes the element's id.
 */
export function markBlocks(tree: Root): BlockMark[] {
  const marks: BlockMark[] = [];
  visit(tree, (node: RootContent | Root, index: number | undefined, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'html') return markHtml(node, index, parent, marks);
    if (node.type !== 'paragraph') return undefined;
    const paragraph = node as Paragraph;
    const last = paragraph.children[paragraph.children.length - 1];
    if (!last || last.type !== 'text') return undefined;
    const match = MARKER_AT_END.exec((last as Text).value);
    if (!match) return undefined;
    const id = match[2]!;
    const line = paragraph.position?.end.line ?? 0;
    const alone = paragraph.children.length === 1 && (last as Text).value.trim() === `^${id}`;
    if (alone && index > 0) {
      parent.children.splice(index, 1);
      markAt(parent, index - 1, id);
      marks.push({ id, line });
      return index;
    }
    (last as Text).value = (last as Text).value.slice(0, match.index + match[1]!.length).trimEnd();
    setId(parent.type === 'listItem' ? parent : paragraph, id);
    marks.push({ id, line });
    return undefined;
  });
  return marks;
}

/** A block of HTML whose last line is a block marker: the marker is cut from it, and the block wrapped to carry the id. */
function markHtml(html: Html, index: number, parent: Parent, marks: BlockMark[]): number | undefined {
  const match = MARKER_LINE_AT_END.exec(html.value);
  if (!match) return undefined;
  html.value = html.value.slice(0, match.index);
  wrapHtml(parent, index, match[1]!);
  marks.push({ id: match[1]!, line: html.position?.end.line ?? 0 });
  // The wrapper stands where the HTML stood; its child needs no second look.
  return index + 1;
}
