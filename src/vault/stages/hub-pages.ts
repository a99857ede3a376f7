import { pushTo } from '../link-index.ts';
import { slugSegment } from '../slug.ts';
import { asSlug, type Backlink, type NoteContent, type Service, type ServicePage, type VaultPath } from '../types.ts';
import { serviceKey } from './link-resolver.ts';
import { gatheredSections, listOnce, passageTotal } from './list-once.ts';
import type { Backlinks, Catalog, Hubs, Mention, Places, Site } from './types.ts';

/** Lines of notes, as a set: many thousands per build, so no string is made per line. */
class PassageLines {
  #lines = new Map<VaultPath, Set<number>>();
  /** Whether the backlink's line was new. */
  add(backlink: Backlink): boolean {
    let lines = this.#lines.get(backlink.file);
    if (!lines) this.#lines.set(backlink.file, (lines = new Set()));
    if (lines.has(backlink.line)) return false;
    lines.add(backlink.line);
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
 * after it if any, and every passage that links to it or names it in plain
 * text (`cite` makes the latter's backlinks; the dev server keeps them),
 * each listed once: under the sub-feature it links to, else among the
 * passages about the service as a whole.
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
    const gathered = gatheredSections(place, key, backlinks);
    // One citation per line of a note: the cells of a table row are one passage to a reader.
    const cited = new PassageLines();
    const named = (mentionsOf.get(service) ?? []).map(cite).filter((b) => cited.add(b));
    const sections = listOnce(gathered, named);
    const passageCount = passageTotal(sections);
    passages.set(service, passageCount);
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
      passageCount,
      backlinks: gathered.flatMap((s) => s.backlinks),
    });
  }
  return { pages, passages };
}
