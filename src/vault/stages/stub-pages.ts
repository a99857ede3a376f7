import { folderOf } from '../link-index.ts';
import type { StubPage } from '../types.ts';
import { gatheredSections, listOnce } from './list-once.ts';
import type { Backlinks, Places, Site } from './types.ts';

/** A page for each name links use but no note has, listing every passage that links to it, once, by the heading it names. */
export function buildStubPages(places: Places, backlinks: Backlinks, site: Site): StubPage[] {
  return places.stubs.map(({ key, target }) => {
    const place = places.byKey.get(key)!;
    const gathered = gatheredSections(place, key, backlinks);
    return { kind: 'stub', title: target.slice(target.lastIndexOf('/') + 1), slug: place.slug, href: site.href(place.slug), target, folder: folderOf(target), sections: listOnce(gathered), backlinks: gathered.flatMap((s) => s.backlinks) };
  });
}
