import type { LinkOccurrence } from '../prepare/types.ts';
import type { Backlink, Slug } from '../types.ts';
import { sectionKey } from './gather-places.ts';
import { serviceKey } from './link-resolver.ts';
import type { CarriedLink } from './embedded-links.ts';
import type { Addresses, Backlinks, Hubs, NumberedNotes, PlaceKey, Resolution, ResolvedLinks } from './types.ts';

/**
 * Every passage that links to a page, in vault order: listed on that page,
 * or in the section of a hub or stub its link names. A hub lists the
 * passages about its service by sub-feature, whether or not its note has
 * that heading. A link from a page to itself is no backlink.
 * `spot` makes a link's backlink (spots.ts; the dev server keeps them).
 * The links an embed shows (`carried`, embedded-links.ts) follow it, made
 * by `carriedSpot`; the counts are of the vault's own links.
 */
export function collectBacklinks(
  numbered: NumberedNotes,
  resolved: ResolvedLinks,
  addresses: Addresses,
  hubs: Hubs,
  spot: (link: LinkOccurrence) => Backlink,
  carried: ReadonlyMap<number, readonly CarriedLink[]> = new Map(),
  carriedSpot: (link: LinkOccurrence) => Backlink = spot,
): Backlinks {
  const byPage = new Map<Slug, Backlink[]>();
  const bySection = new Map<PlaceKey, Map<string, Backlink[]>>();
  const counts = { resolved: 0, toStubs: 0, toPrivate: 0 };
  const inSection = (key: PlaceKey, heading: string | undefined, backlink: Backlink) => {
    let sections = bySection.get(key);
    if (!sections) bySection.set(key, (sections = new Map()));
    const list = sections.get(sectionKey(heading));
    if (list) list.push(backlink);
    else sections.set(sectionKey(heading), [backlink]);
  };
  const add = (link: LinkOccurrence, resolution: Resolution, make: (link: LinkOccurrence) => Backlink) => {
    if (resolution.kind === 'gathered') inSection(resolution.key, resolution.heading, make(link));
    else if (resolution.kind === 'page') {
      const service = hubs.serviceOf.get(resolution.note);
      if (service && resolution.note !== link.from) inSection(serviceKey(service), link.target.headings[link.target.headings.length - 1], make(link));
      else if (resolution.slug !== addresses.slugs.get(link.from)![link.part]) {
        const list = byPage.get(resolution.slug);
        if (list) list.push(make(link));
        else byPage.set(resolution.slug, [make(link)]);
      }
    }
  };
  for (const link of numbered.links) {
    const resolution = resolved.resolutions[link.index]!;
    if (resolution.kind === 'private') counts.toPrivate++;
    else if (resolution.kind === 'attachment' || resolution.kind === 'page') counts.resolved++;
    else if (resolution.kind === 'gathered') {
      if (resolution.key.startsWith('stub:')) counts.toStubs++;
      else counts.resolved++;
    }
    add(link, resolution, spot);
    for (const shown of carried.get(link.index) ?? []) add(shown.link, shown.resolution, carriedSpot);
  }
  return { byPage, bySection, counts };
}
