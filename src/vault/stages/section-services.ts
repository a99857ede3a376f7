import type { Service, VaultPath } from '../types.ts';
import { serviceKey } from './link-resolver.ts';
import type { Catalog, Hubs, Mention, NumberedNotes, Resolution, ResolvedLinks, SectionServiceMap } from './types.ts';

/** The key of a note's part in a `SectionServiceMap`. */
export const partKey = (path: VaultPath, part: number): string => `${path}\0${part}`;

/**
 * Which services each section of each page links to or names: a page lists
 * them after the section's H2, and search filters the page by them.
 */
export function sectionServices(numbered: NumberedNotes, resolved: ResolvedLinks, mentions: readonly Mention[], catalog: Catalog, hubs: Hubs): SectionServiceMap {
  const byKey = new Map<string, Service>(catalog.services.map((service) => [serviceKey(service), service]));
  const serviceOf = (resolution: Resolution): Service | undefined => {
    if (resolution.kind === 'gathered') return byKey.get(resolution.key);
    if (resolution.kind === 'page') return hubs.serviceOf.get(resolution.note);
    return undefined;
  };
  const map = new Map<string, Map<string, Set<Service>>>();
  const add = (path: VaultPath, part: number, trail: readonly number[], service: Service) => {
    const key = partKey(path, part);
    let sections = map.get(key);
    if (!sections) map.set(key, (sections = new Map()));
    const headings = numbered.byPath.get(path)!.parts[part]!.headings;
    const h2 = trail.map((i) => headings[i]!).find((h) => h.depth === 2);
    const id = h2?.id ?? '';
    let set = sections.get(id);
    if (!set) sections.set(id, (set = new Set()));
    set.add(service);
  };
  for (const link of numbered.links) {
    const service = serviceOf(resolved.resolutions[link.index]!);
    if (service && hubs.serviceOf.get(link.from) !== service) add(link.from, link.part, link.trail, service);
  }
  for (const mention of mentions) add(mention.note.path, mention.part, mention.passage.trail, mention.service);
  return map;
}
