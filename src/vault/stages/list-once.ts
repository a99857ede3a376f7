import type { Backlink, PassageSection, VaultPath } from '../types.ts';
import type { Backlinks, Place, PlaceKey } from './types.ts';

/** Passages a hub or stub lists in all of its sections. */
export const passageTotal = (sections: readonly Pick<PassageSection, 'passages'>[]): number => sections.reduce((n, s) => n + s.passages.length, 0);

/** A section of a hub or stub with every passage that links to it, before each passage is given one place on the page. */
export type GatheredSection = Pick<PassageSection, 'heading' | 'id' | 'backlinks'>;

/** A place's sections with their backlinks, in the order a reader meets them: links to the name first, then each sub-feature as first linked. */
export function gatheredSections(place: Place, key: PlaceKey, backlinks: Backlinks): GatheredSection[] {
  const gathered = backlinks.bySection.get(key);
  return [...place.sections]
    .map(([sectionKey, section]): GatheredSection => ({ ...section, backlinks: gathered?.get(sectionKey) ?? [] }))
    .sort((a, b) => (a.heading === undefined ? -1 : b.heading === undefined ? 1 : 0));
}

/** Where a passage is listed, by note and line: many thousands per build, so no string is made per passage. */
class Listed {
  #at = new Map<VaultPath, Map<number, GatheredSection>>();
  get(backlink: Backlink): GatheredSection | undefined {
    return this.#at.get(backlink.file)?.get(backlink.line);
  }
  set(backlink: Backlink, section: GatheredSection): void {
    let lines = this.#at.get(backlink.file);
    if (!lines) this.#at.set(backlink.file, (lines = new Map()));
    lines.set(backlink.line, section);
  }
}

/** Passages in the vault's order: note by note, line by line. */
const inVaultOrder = (a: Backlink, b: Backlink) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);

/**
 * Gives every passage one place on a hub's or stub's page. A passage is one
 * line of a note: the cells of a table row, or a paragraph linking twice,
 * are one passage to a reader. A sub-feature takes its passages first, in
 * the order the sub-features were first linked, since a passage about
 * Studio says more under Studio than among the links to the name; the
 * section of links to the name alone takes what is left, with `named` (the
 * passages naming the service without a link) among them. Each section says
 * where its other passages are listed.
 */
export function listOnce(sections: readonly GatheredSection[], named: readonly Backlink[] = []): PassageSection[] {
  const listed = new Listed();
  const general = sections.find((section) => section.heading === undefined) ?? (named.length ? { id: 'linked-from', backlinks: [] } : undefined);
  const features = sections.filter((section) => section.heading !== undefined);
  const placed = new Map<GatheredSection, PassageSection>();
  const place = (section: GatheredSection, candidates: readonly Backlink[]) => {
    const passages: Backlink[] = [];
    const elsewhere = new Set<GatheredSection>();
    for (const backlink of candidates) {
      const at = listed.get(backlink);
      if (at === undefined) {
        listed.set(backlink, section);
        passages.push(backlink);
      } else if (at !== section) elsewhere.add(at);
    }
    placed.set(section, { ...section, passages, listedUnder: [...elsewhere].map(({ heading, id }) => ({ heading: heading ?? '', id })) });
  };
  for (const feature of features) place(feature, feature.backlinks);
  if (general) place(general, [...general.backlinks, ...named].sort(inVaultOrder));
  return [...(general ? [placed.get(general)!] : []), ...features.map((feature) => placed.get(feature)!)];
}
