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
  /** For a Markdown link: the vault path its URL names from the note's folder, tried before `path`. */
  relative?: string;
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

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The vault path a URL written in note `from` names, its path joined to the note's folder (`/` starts at the vault's top); undefined when it climbs out of the vault. */
export function vaultPathOf(wanted: string, from: string): string | undefined {
  const joined: string[] = [];
  const folder = from.slice(0, Math.max(0, from.lastIndexOf('/')));
  for (const segment of (wanted.startsWith('/') ? wanted : `${folder}/${wanted}`).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') joined.push(segment);
    else if (joined.length === 0) return undefined;
    else joined.pop();
  }
  return joined.join('/');
}

/**
 * What the URL of a Markdown link or image names (`../Images/a%20b.png`,
 * `Folder/Note.md#Heading#Sub`, `Note.md#^block`), decoded. A plain path
 * (`Folder/Note.md`, `picture.png`) is read as Obsidian reads it, from the
 * note's folder first (`relative`) and then as a wiki-link would be; one
 * with `./`, `../` or a leading `/` names one place only. One that climbs
 * out of the vault keeps its `..`, which the resolver refuses.
 */
export function markdownTarget(url: string, from: string): LinkTarget {
  const hash = url.indexOf('#');
  const written = decode(hash === -1 ? url : url.slice(0, hash)).replace(/\\/g, '/').trim();
  const fragments = hash === -1 ? {} : parseLinkTarget(`#${decode(url.slice(hash + 1))}`);
  const { headings = [], block } = fragments as Partial<LinkTarget>;
  const withFragment = (target: { path: string; relative?: string }): LinkTarget => ({ ...target, headings, ...(block === undefined ? {} : { block }) });
  const withoutMd = (path: string) => path.replace(/\.md$/i, '');
  const joined = vaultPathOf(written, from);
  if (joined === undefined) return withFragment({ path: written });
  const plain = !written.startsWith('/') && !written.split('/').some((segment) => segment === '.' || segment === '..');
  if (!plain) return withFragment({ path: withoutMd(joined) });
  return withFragment(joined === written ? { path: withoutMd(written) } : { path: withoutMd(written), relative: withoutMd(joined) });
}
