/**
 * What a canvas links to, for backlinks, the graph and the report: a canvas's
 * links count as a note's do. Text nodes hold Markdown, which the model
 * parses as it parses a note, for wiki-links, embeds and Markdown links; file
 * nodes and group backgrounds name files of the vault; link nodes name web
 * pages. Each comes with its node's line in the file, for problems.
 */
import type { Canvas } from './types.ts';

export interface CanvasLinks {
  /** The Markdown of each text node. */
  markdown: { node: string; text: string; line: number }[];
  /** The file each file node shows, with its heading or block (`#Heading`, `#^block`). */
  files: { node: string; file: string; subpath?: string; line: number }[];
  /** The image behind each group that has one. */
  backgrounds: { node: string; file: string; line: number }[];
  /** The address of each link node. */
  urls: { node: string; url: string; line: number }[];
}

/** The links of a canvas, in the file's order. */
export function canvasLinks(canvas: Canvas): CanvasLinks {
  const links: CanvasLinks = { markdown: [], files: [], backgrounds: [], urls: [] };
  for (const node of canvas.nodes) {
    const { id, line } = node;
    if (node.type === 'text') links.markdown.push({ node: id, text: node.text, line });
    else if (node.type === 'file') links.files.push({ node: id, file: node.file, ...(node.subpath ? { subpath: node.subpath } : {}), line });
    else if (node.type === 'link') links.urls.push({ node: id, url: node.url, line });
    else if (node.background) links.backgrounds.push({ node: id, file: node.background, line });
  }
  return links;
}
