import GithubSlugger from 'github-slugger';
import { fold } from '../link-index.ts';
import { slugFromPath, SlugClaims } from '../slug.ts';
import { asSlug, type Slug } from '../types.ts';
import { serviceKey } from './link-resolver.ts';
import type { Addresses, Catalog, Hubs, NumberedNotes, Place, PlaceKey, PlaceSection, Places, ResolvedLinks } from './types.ts';

const lastHeading = (headings: readonly string[]) => headings[headings.length - 1];

/**
 * The pages where passages are gathered: a hub per service, a stub per name
 * that links use but no note has (at an address claimed where the first link
 * to it stands), and their sections, one per heading the links name. Sections
 * are made in link order, so their ids are stable from build to build.
 * `layoutIds` are ids the layout of such a page uses itself.
 */
export function gatherPlaces(numbered: NumberedNotes, resolved: ResolvedLinks, catalog: Catalog, hubs: Hubs, addresses: Addresses, layoutIds: readonly string[]): Places {
  const places = new Map<PlaceKey, { slug: Slug; sections: Map<string, PlaceSection>; slugger: GithubSlugger }>();
  const open = (key: PlaceKey, slug: Slug, takenIds: readonly string[]) => {
    const slugger = new GithubSlugger();
    for (const id of [...layoutIds, ...takenIds]) slugger.slug(id);
    places.set(key, { slug, sections: new Map(), slugger });
  };
  for (const service of catalog.services) {
    const note = hubs.noteOf.get(service);
    open(serviceKey(service), addresses.hubSlugs.get(service)!, note ? addresses.headings.get(note)!.map((h) => h.id) : []);
  }

  const claims = new SlugClaims(addresses.taken, addresses.owners);
  const stubs: { key: PlaceKey; target: string }[] = [];
  for (const link of numbered.links) {
    const resolution = resolved.resolutions[link.index]!;
    if (resolution.kind !== 'gathered' || !resolution.key.startsWith('stub:') || places.has(resolution.key)) continue;
    stubs.push({ key: resolution.key, target: link.target.path });
    open(resolution.key, claims.claim(asSlug(`stubs/${slugFromPath(link.target.path)}`), link.from, link.line, `the page of links to “${link.target.path}”, which no note has`), []);
  }

  const sectionOf = (key: PlaceKey, heading: string | undefined) => {
    const place = places.get(key)!;
    const inPlace = sectionKey(heading);
    if (!place.sections.has(inPlace)) {
      place.sections.set(inPlace, heading === undefined ? { id: 'linked-from' } : { heading, id: place.slugger.slug(heading) });
    }
  };
  for (const link of numbered.links) {
    const resolution = resolved.resolutions[link.index]!;
    if (resolution.kind === 'gathered') sectionOf(resolution.key, resolution.heading);
    const hub = resolution.kind === 'page' && resolution.note !== link.from ? hubs.serviceOf.get(resolution.note) : undefined;
    if (hub) sectionOf(serviceKey(hub), lastHeading(link.target.headings));
  }
  const byKey = new Map<PlaceKey, Place>([...places].map(([key, { slug, sections }]) => [key, { slug, sections }]));
  return { byKey, stubs, taken: claims.taken, problems: claims.problems };
}

/** The key of a section of a place, as `Place.sections` holds it. */
export const sectionKey = (heading: string | undefined): string => (heading === undefined ? '' : fold(heading));
