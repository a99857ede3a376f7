import type { Root } from 'mdast';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export type Frontmatter = Record<string, unknown>;

/** The line each property stands on in the note, and each item of a list property: what a link in a property is reported by. */
export type PropertyLines = Record<string, { line: number; items: number[] }>;

export type FrontmatterResult =
  | { ok: true; data: Frontmatter; lines: PropertyLines }
  | { ok: false; line: number; message: string };

/**
 * The note's YAML properties. A block that does not parse is an error with
 * the line it is on in the note (the opening `---` is line 1), never a guess.
 */
export function readFrontmatter(tree: Root): FrontmatterResult {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return { ok: true, data: {}, lines: {} };
  const firstLine = node.position?.start.line ?? 1;
  const document = parseDocument(node.value, { prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const lineInBlock = error.linePos?.[0]?.line ?? 1;
    return { ok: false, line: firstLine + lineInBlock, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '') };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, data: {}, lines: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, line: firstLine + 1, message: 'Properties must be a list of `name: value` pairs' };
  }
  return { ok: true, data: data as Frontmatter, lines: propertyLines(document, node.value, firstLine + 1) };
}

/** Lines in the note of each top-level property and of each item of a list, the block's text starting on `first`. */
function propertyLines(document: Document, text: string, first: number): PropertyLines {
  const lineAt = (offset: number | undefined) => {
    let line = first;
    for (let at = text.indexOf('\n'); at !== -1 && at < (offset ?? 0); at = text.indexOf('\n', at + 1)) line++;
    return line;
  };
  const lines: PropertyLines = {};
  if (!isMap(document.contents)) return lines;
  for (const pair of document.contents.items) {
    const key = (pair.key as { value?: unknown; range?: [number, number, number] } | null) ?? undefined;
    if (key === undefined || key.value === undefined) continue;
    const value = pair.value as { range?: [number, number, number] } | null;
    const items = isSeq(pair.value) ? pair.value.items.map((item) => lineAt((item as { range?: [number, number, number] }).range?.[0])) : [];
    lines[String(key.value)] = { line: lineAt(key.range?.[0] ?? value?.range?.[0]), items };
  }
  return lines;
}

/** A property that may be a list or a comma-separated string (`aliases`, `cssclasses`). An empty item (`- ` alone, which YAML reads as null) is none. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.filter((item) => item !== null && item !== undefined).map((item) => String(item).trim()).filter(Boolean);
}

/** Obsidian Publish's `publish: false`, and the common `draft: true`, keep a note off the site. */
export function isUnpublished(data: Frontmatter): boolean {
  return data.publish === false || data.draft === true;
}
