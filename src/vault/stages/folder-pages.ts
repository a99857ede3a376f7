import type { Backlink } from '../model.ts';
import { folderOf } from '../link-index.ts';
import { slugFromPath } from '../slug.ts';
import { asSlug, hrefFor, type Href, type Slug } from '../types.ts';

interface Link {
  title: string;
  slug: Slug;
  href: Href;
}

/** A folder of the vault as a page: its notes and its subfolders. The vault's top is the folder ''. */
export interface FolderPage extends Link {
  kind: 'folder';
  /** The folder's path in the vault; '' for the top. */
  folder: string;
  notes: Link[];
  folders: (Link & { count: number })[];
  /** The folders above, outermost first. */
  parents: Link[];
  backlinks: Backlink[];
}


/**
 * The folder tree of the published notes, one page per folder, so that
 * navigation can show where a note sits without listing the whole vault on
 * every page. `claim` hands out the slugs (they may clash with notes).
 */
export function buildFolders(notes: readonly (Link & { folder: string })[], base: string, claim: (wanted: Slug) => Slug): Map<string, FolderPage> {
  const folders = new Map<string, FolderPage>();
  const ensure = (folder: string): FolderPage => {
    let page = folders.get(folder);
    if (page) return page;
    const slug = folder === '' ? asSlug('folders') : claim(asSlug(`folders/${slugFromPath(folder)}`));
    page = { kind: 'folder', folder, title: folder === '' ? 'All notes' : folder.slice(folder.lastIndexOf('/') + 1), slug, href: hrefFor(base, slug), notes: [], folders: [], parents: [], backlinks: [] };
    folders.set(folder, page);
    if (folder !== '') ensure(folderOf(folder));
    return page;
  };
  ensure('');
  for (const note of notes) ensure(note.folder).notes.push({ title: note.title, slug: note.slug, href: note.href });
  // Count every note below a folder, and link each folder to its parents and children.
  const below = new Map<string, number>();
  for (const note of notes) {
    for (let folder = note.folder; ; folder = folderOf(folder)) {
      below.set(folder, (below.get(folder) ?? 0) + 1);
      if (folder === '') break;
    }
  }
  for (const page of [...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder))) {
    if (page.folder === '') continue;
    const parent = folders.get(folderOf(page.folder))!;
    parent.folders.push({ title: page.title, slug: page.slug, href: page.href, count: below.get(page.folder) ?? 0 });
    const chain: Link[] = [];
    for (let folder = folderOf(page.folder); ; folder = folderOf(folder)) {
      const above = folders.get(folder)!;
      chain.unshift({ title: above.title, slug: above.slug, href: above.href });
      if (folder === '') break;
    }
    page.parents = chain;
  }
  return folders;
}
