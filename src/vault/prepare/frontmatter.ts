import type { Root } from 'mdast';
import { parseDocument } from 'yaml';

export type Frontmatter = Record<string, unknown>;

export type FrontmatterResult =
  | { ok: true; data: Frontmatter }
  | { ok: false; line: number; message: string };

/**
 * The note's YAML properties. A block that does not parse is an error with
 * the line it is on in the note (the opening `---` is line 1), never a guess.
 */
export function readFrontmatter(tree: Root): FrontmatterResult {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return { ok: true, data: {} };
  const firstLine = node.position?.start.line ?? 1;
  const document = parseDocument(node.value, { prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const lineInBlock = error.linePos?.[0]?.line ?? 1;
    return { ok: false, line: firstLine + lineInBlock, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '') };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, line: firstLine + 1, message: 'Properties must be a list of `name: value` pairs' };
  }
  return { ok: true, data: data as Frontmatter };
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
