import type { Paragraph, Parent, Root } from 'mdast';
import { visit } from './visit.ts';

/** Text that is nothing but a block marker, as it stands after an embed: `^id` on the next line, or ` ^id` on the same. */
export const isBlockMarkerText = (value: string): boolean => /^\s*\^[A-Za-z0-9-]+\s*$/.test(value);

/**
 * A node of `type` alone in a paragraph becomes a block of its own, so a note,
 * a PDF or a video can be embedded as a block. A block id after it (` ^id`,
 * or `^id` on the next line) stays behind as a paragraph of its own, which
 * gives the id to the block above it (src/vault/prepare/blocks.ts), so
 * `![[Note#^id]]` finds it.
 */
export function unwrapBlockEmbeds(tree: Root, type: string): void {
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const children = paragraph.children;
    const last = children[children.length - 1];
    const marker = last?.type === 'text' && children.length > 1 && isBlockMarkerText(last.value) ? last : undefined;
    const meaningful = children.filter((child) => child !== marker && !(child.type === 'text' && !child.value.trim()));
    if (meaningful.length !== 1 || meaningful[0]!.type !== type) return;
    const markerParagraph: Paragraph | undefined = marker && { type: 'paragraph', children: [{ ...marker, value: marker.value.trim() }], ...(marker.position ? { position: marker.position } : {}) };
    parent.children.splice(index, 1, ...([meaningful[0], ...(markerParagraph ? [markerParagraph] : [])] as never[]));
  });
}
