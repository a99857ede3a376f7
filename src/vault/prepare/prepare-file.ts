import { isBasePath, prepareBaseFile } from './bases.ts';
import type { Frontmatter } from './frontmatter.ts';
import { isCanvasPath, prepareCanvas } from './prepare-canvas.ts';
import { prepareNote } from './prepare-note.ts';
import { readNote } from './read-note.ts';
import { tagSlug } from './tags.ts';
import type { LinkOccurrence, PrepareContext, PreparedFile } from './types.ts';
import { hrefFor } from '../href.ts';
import { fold } from '../link-index.ts';
import type { SourceFile } from '../types.ts';

/** The names a note answers to as a service's hub: its name, its title, its aliases. */
export function hubNames(name: string, frontmatter: Frontmatter): string[] {
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : undefined;
  const aliases = frontmatter.aliases;
  return [name, ...(title ? [title] : []), ...(Array.isArray(aliases) ? aliases.map(String) : [])];
}

/** Whether a vault path lies in one of the private folders of a context (folded, each ending in `/`). */
export function inPrivateFolder(path: string, privateFolders: readonly string[]): boolean {
  const folded = fold(path);
  return privateFolders.some((folder) => folded.startsWith(folder));
}

export function prepareFile(file: SourceFile, context: PrepareContext, options: { whole?: boolean } = {}): PreparedFile {
  if (isCanvasPath(file.path)) return prepareCanvas(file, context, !inPrivateFolder(file.path, context.privateFolders));
  if (isBasePath(file.path)) return prepareBaseFile(file, !inPrivateFolder(file.path, context.privateFolders));
  const read = readNote(file);
  if (!read.ok) return read;
  const { path, name, format, frontmatter } = read;
  const published = read.published && !inPrivateFolder(path, context.privateFolders);
  const services = new Set(context.serviceNames);
  const whole = options.whole ?? hubNames(name, frontmatter).some((n) => services.has(fold(n)));
  const links: LinkOccurrence[] = [];
  if (!published) return { ok: true, path, name, format, frontmatter, published, whole, links };
  let next = 0;
  const note = prepareNote(read, () => next++, (tag) => hrefFor(context.base, tagSlug(tag)), links, { whole, rawHtml: context.rawHtml, strictLineBreaks: context.strictLineBreaks });
  return { ok: true, path, name, format, frontmatter, published, whole, note, links };
}
