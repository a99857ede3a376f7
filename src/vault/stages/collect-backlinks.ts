import type { LinkOccurrence } from '../prepare/types.ts';
import type { Backlink, Slug } from '../types.ts';
import { sectionKey } from './gather-places.ts';
import { serviceKey } from './link-resolver.ts';
import type { Addresses, Backlinks, Hubs, NumberedNotes, PlaceKey, ResolvedLinks } from './types.ts';

/**
 * Every passage that links to a page, in vault order: listed on that page,
 * or in the section of a hub or stub its link names. A hub lists the
 * passages about its service by sub-feature, whether or not its note has
 * that heading. A link from a page to itself is no backlink.
 * `spot` makes a link's backlink (spots.ts; the dev server keeps them).
 */
export function collectBacklinks(numbered: NumberedNotes, resolved: ResolvedLinks, addresses: Addresses, hubs: Hubs, spot: (link: LinkOccurrence) => Backlink): Backlinks {
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
  for (const link of numbered.links) {
    const resolution = resolved.resolutions[link.index]!;
    if (resolution.kind === 'private') counts.toPrivate++;
    else if (resolution.kind === 'attachment') counts.resolved++;
    else if (resolution.kind === 'gathered') {
      if (resolution.key.startsWith('stub:')) counts.toStubs++;
      else counts.resolved++;
      inSection(resolution.key, resolution.heading, spot(link));
    } else if (resolution.kind === 'page') {
      counts.resolved++;
      const service = hubs.serviceOf.get(resolution.note);
      if (service && resolution.note !== link.from) inSection(serviceKey(service), link.target.headings[link.target.headings.length - 1], spot(link));
      else if (resolution.slug !== addresses.slugs.get(link.from)![link.part]) {
        const list = byPage.get(resolution.slug);
        if (list) list.push(spot(link));
        else byPage.set(resolution.slug, [spot(link)]);
      }
    }
  }
  return { byPage, bySection, counts };
}
