import type { Nodes } from 'mdast';

/**
 * A block's plain text as a reader sees it (wiki-links as their display
 * text), with the position where `target` starts, for backlink excerpts.
 */
export function textAround(block: Nodes, target: Nodes): { text: string; at: number } {
  let text = '';
  let at = -1;
  const walk = (node: Nodes) => {
    if (node === target) at = text.length;
    if (node.type === 'wikiLink' || node.type === 'wikiEmbed') {
      text += (node.data as { quireText?: string } | undefined)?.quireText ?? node.value;
    } else if ('value' in node && typeof node.value === 'string' && node.type !== 'html') {
      text += node.value;
    } else if ('children' in node) {
      for (const child of node.children) {
        walk(child as Nodes);
        if (child.type === 'paragraph' || child.type === 'listItem') text += ' ';
      }
    }
    if (node.type === 'break') text += ' ';
  };
  walk(block);
  return { text, at: Math.max(0, at) };
}

/** About `width` characters of `text` around `at`, cut at word boundaries and marked with an ellipsis where cut. */
export function excerpt(text: string, at: number, width = 220): string {
  const flat = text.replace(/\s+/g, ' ');
  const squeezedAt = text.slice(0, at).replace(/\s+/g, ' ').length;
  if (flat.trim().length <= width) return flat.trim();
  let start = Math.max(0, squeezedAt - Math.floor(width / 3));
  let end = Math.min(flat.length, start + width);
  start = Math.max(0, end - width);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end).trim()}${end < flat.length ? ' …' : ''}`;
}
