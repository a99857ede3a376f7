import { folderOf } from '../link-index.ts';
import { slugFromPath, SlugClaims } from '../slug.ts';
import { asSlug, asVaultPath, type FolderPage, type PageLink, type Slug } from '../types.ts';
import type { Site } from './types.ts';

/** The folder pages, by folder path, and the taken addresses after they claimed theirs. */
export interface FolderPages {
  byFolder: Map<string, FolderPage>;
  taken: ReadonlySet<Slug>;
  problems: SlugClaims['problems'];
}

/**
 * The folder tree of the published notes (books among them, after a
 * folder's other notes), one page per folder, so that navigation can show
 * where a note sits without listing the whole vault on every page. A
 * folder's page may have to give way to a note at its address.
 */
export function buildFolderPages(notes: readonly (PageLink & { folder: string })[], taken: ReadonlySet<Slug>, site: Site): FolderPages {
  const claims = new SlugClaims(taken);
  const folders = new Map<string, FolderPage>();
  const ensure = (folder: string): FolderPage => {
    let page = folders.get(folder);
    if (page) return page;
    const slug = folder === '' ? asSlug('folders') : claims.claim(asSlug(`folders/${slugFromPath(folder)}`), asVaultPath(`folders/${slugFromPath(folder)}/`));
    page = { kind: 'folder', folder, title: folder === '' ? 'All notes' : folder.slice(folder.lastIndexOf('/') + 1), slug, href: site.href(slug), notes: [], folders: [], parents: [], backlinks: [] };
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
    const chain: PageLink[] = [];
    for (let folder = folderOf(page.folder); ; folder = folderOf(folder)) {
      const above = folders.get(folder)!;
      chain.unshift({ title: above.title, slug: above.slug, href: above.href });
      if (folder === '') break;
    }
    page.parents = chain;
  }
  return { byFolder: folders, taken: claims.taken, problems: claims.problems };
}
