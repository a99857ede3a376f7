/**
 * What a wiki-link names, split the way Obsidian reads it:
 * `[[folder/Note.md#Heading#Sub|text]]` → path `folder/Note`, headings
 * `['Heading', 'Sub']`; `[[Note#^id]]` → block `id`; `[[#Heading]]` → the same note.
 */
export interface LinkTarget {
  /** The note part as written, without `.md`; empty for a link into the same note. */
  path: string;
  headings: string[];
  block?: string;
}

export function parseLinkTarget(raw: string): LinkTarget {
  // In a table cell the divider is escaped as `\|`; the parser leaves the backslash behind.
  const cleaned = raw.replace(/\\$/, '').trim();
  const [pathPart = '', ...fragments] = cleaned.split('#');
  const path = pathPart.trim().replace(/\.md$/i, '');
  const headings: string[] = [];
  let block: string | undefined;
  for (const fragment of fragments.map((f) => f.trim()).filter(Boolean)) {
    if (fragment.startsWith('^')) block = fragment.slice(1);
    else headings.push(fragment);
  }
  return block === undefined ? { path, headings } : { path, headings, block };
}

/**
 * The text a link shows without an alias, as Obsidian's reading view does:
 * `Amazon SageMaker > Studio`, or just the heading for a link within the note.
 */
export function linkDisplayText(target: LinkTarget, alias?: string): string {
  if (alias !== undefined && alias.trim()) return alias.trim();
  const parts = [...target.headings, ...(target.block ? [`^${target.block}`] : [])];
  if (!target.path) return parts.join(' > ');
  return [target.path, ...parts].join(' > ');
}
