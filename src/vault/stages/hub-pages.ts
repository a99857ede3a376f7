import { pushTo } from '../link-index.ts';
import { slugSegment } from '../slug.ts';
import { asSlug, type Backlink, type NoteContent, type PassageSection, type Service, type ServicePage, type VaultPath } from '../types.ts';
import { serviceKey } from './link-resolver.ts';
import type { Backlinks, Catalog, Hubs, Mention, Place, PlaceKey, Places, Site } from './types.ts';

/** A place's sections with their backlinks, in the order a reader expects: links to the name first, then each sub-feature as first linked. */
export function passageSections(place: Place, key: PlaceKey, backlinks: Backlinks): PassageSection[] {
  const gathered = backlinks.bySection.get(key);
  return [...place.sections]
    .map(([sectionKey, section]): PassageSection => ({ ...section, backlinks: gathered?.get(sectionKey) ?? [] }))
    .sort((a, b) => (a.heading === undefined ? -1 : b.heading === undefined ? 1 : 0));
}

/** Lines of notes, as a set: many thousands per build, so no string is made per line. */
class PassageLines {
  #lines = new Map<VaultPath, Set<number>>();
  size = 0;
  /** Whether the backlink's line was new. */
  add(backlink: Backlink): boolean {
    let lines = this.#lines.get(backlink.file);
    if (!lines) this.#lines.set(backlink.file, (lines = new Set()));
    if (lines.has(backlink.line)) return false;
    lines.add(backlink.line);
    this.size++;
    return true;
  }
}

export interface HubPages {
  pages: ServicePage[];
  /** Passages that link to or name each service, each line of a note counted once. */
  passages: ReadonlyMap<Service, number>;
}

/**
 * A hub per service of the catalog: what the catalog says, the note named
 * after it if any, the passages linking to it by sub-feature, and those that
 * name it in plain text (`cite` makes their backlinks; the dev server keeps them).
 */
export function buildHubPages(catalog: Catalog, hubs: Hubs, places: Places, backlinks: Backlinks, mentions: readonly Mention[], contents: ReadonlyMap<VaultPath, NoteContent>, cite: (mention: Mention) => Backlink, site: Site): HubPages {
  const mentionsOf = new Map<Service, Mention[]>();
  for (const mention of mentions) pushTo(mentionsOf, mention.service, mention);
  const pages: ServicePage[] = [];
  const passages = new Map<Service, number>();
  for (const service of catalog.services) {
    const key = serviceKey(service);
    const place = places.byKey.get(key)!;
    const notePath = hubs.noteOf.get(service);
    const note = notePath ? contents.get(notePath) : undefined;
    const sections = passageSections(place, key, backlinks);
    // One citation per line of a note: the cells of a table row are one passage to a reader.
    const cited = new PassageLines();
    const named = (mentionsOf.get(service) ?? []).map(cite).filter((b) => cited.add(b));
    const linked = sections.flatMap((s) => s.backlinks);
    const counted = new PassageLines();
    for (const b of [...linked, ...named]) counted.add(b);
    passages.set(service, counted.size);
    pages.push({
      kind: 'service',
      title: service.name,
      slug: place.slug,
      href: site.href(place.slug),
      service,
      category: { name: service.category, href: site.href(asSlug('services'), slugSegment(service.category)) },
      ...(note ? { note } : {}),
      sections,
      mentions: named,
      backlinks: linked,
    });
  }
  return { pages, passages };
}
