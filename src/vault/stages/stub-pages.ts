import { folderOf } from '../link-index.ts';
import type { StubPage } from '../types.ts';
import { passageSections } from './hub-pages.ts';
import type { Backlinks, Places, Site } from './types.ts';

/** A page for each name links use but no note has, listing every passage that links to it, by the heading they name. */
export function buildStubPages(places: Places, backlinks: Backlinks, site: Site): StubPage[] {
  return places.stubs.map(({ key, target }) => {
    const place = places.byKey.get(key)!;
    const sections = passageSections(place, key, backlinks);
    return { kind: 'stub', title: target.slice(target.lastIndexOf('/') + 1), slug: place.slug, href: site.href(place.slug), target, folder: folderOf(target), sections, backlinks: sections.flatMap((s) => s.backlinks) };
  });
}
