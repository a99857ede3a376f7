/**
 * A short name for each node, for the places that must refer to one in a
 * few words: a file node's label, and the connections listed under a node in
 * the reading order ("leads to Plan"). A canvas node has no name of its own.
 */
import type { CanvasNode } from './types.ts';

const MAX = 60;

const shorten = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1).trimEnd()}…` : text);

/** The file's name as Obsidian shows it: without `.md`, with the heading the node shows (`Note > Heading`). */
export function fileLabel(file: string, subpath?: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const part = subpath?.replace(/^#\^?/, '').split('#').filter(Boolean).join(' > ');
  return part ? `${name} > ${part}` : name;
}

/**
 * The first line of Markdown that says something, without its markup. Comments
 * (`%% … %%`, which are never published) and code blocks are passed over.
 */
function firstLine(markdown: string): string | undefined {
  let fence: string | undefined;
  for (const raw of markdown.replace(/%%[\s\S]*?(?:%%|$)/g, '').split(/\r?\n/)) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (fenceMark?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (/^\s*(?:[-*_]\s*){3,}$|^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(raw)) continue;
    const line = raw
      .replace(/^\s*(?:>\s*)*/, '')
      .replace(/^\[![^\]]*\][-+]?\s*/, '')
      .replace(/^(?:#{1,6}\s+|[-*+]\s+(?:\[.\]\s+)?|\d+[.)]\s+)/, '')
      .replace(/!?\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
      .replace(/!?\[\[([^\]]*)\]\]/g, (_, target: string) => target.replace(/#\^?/g, ' > '))
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]*>/g, '')
      .replace(/^\||\|$/g, '')
      .replace(/\s*\|\s*/g, ' ')
      .replace(/[*_=~`]+/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (line) return line;
  }
  return undefined;
}

export function nodeName(node: CanvasNode): string {
  switch (node.type) {
    case 'text':
      return shorten(firstLine(node.text) ?? 'Empty card');
    case 'file':
      return shorten(fileLabel(node.file, node.subpath));
    case 'link':
      return shorten(node.url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, ''));
    case 'group':
      return shorten(node.label?.trim() || 'Group');
  }
}
