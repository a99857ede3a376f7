import type { Paragraph, Parent, Root, Text } from 'mdast';
import { visit } from '../../markdown/visit.ts';

export interface BlockMark {
  id: string;
  line: number;
}

const MARKER_AT_END = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;
const ELEMENT_ID_PREFIX = '^';

/** The id an element carries for block `id`, so `[[Note#^id]]` can land on it. */
export const blockElementId = (id: string): string => `${ELEMENT_ID_PREFIX}${id}`;

function setId(node: { data?: unknown }, id: string) {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id: blockElementId(id) };
}

/**
 * Obsidian's block ids: ` ^id` at the end of a paragraph or a list item's line
 * marks that block; `^id` alone on a line after a list, quote or table marks
 * the block above. The marker is removed from the text and becomes the element's id.
 */
export function markBlocks(tree: Root): BlockMark[] {
  const marks: BlockMark[] = [];
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent: Parent | undefined) => {
    const last = paragraph.children[paragraph.children.length - 1];
    if (!last || last.type !== 'text' || !parent || index === undefined) return;
    const match = MARKER_AT_END.exec((last as Text).value);
    if (!match) return;
    const id = match[2]!;
    const line = paragraph.position?.end.line ?? 0;
    const alone = paragraph.children.length === 1 && (last as Text).value.trim() === `^${id}`;
    if (alone && index > 0) {
      setId(parent.children[index - 1]!, id);
      parent.children.splice(index, 1);
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
