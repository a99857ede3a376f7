import type { LinkOccurrence, PreparedNote } from '../prepare/types.ts';
import type { Slug } from '../types.ts';
import type { Addresses, NumberedNotes, Resolution, ResolvedLinks } from './types.ts';

/**
 * A link a page shows because it embeds the passage the link stands in: as
 * a backlink it comes from the embedding page, at the embed's place, with
 * the text around the link in the embedded passage as its excerpt.
 */
export interface CarriedLink {
  link: LinkOccurrence;
  resolution: Resolution;
}

/** How deep embeds are followed, as embed-render.ts expands them. */
const MAX_DEPTH = 4;

/**
 * For each embed (by its link number), the links inside what it shows: a
 * whole note, a chapter, a heading's section or a block, and, through the
 * embeds in those, what they show in turn. Links within the embedded note
 * to itself, and its properties' links (an embed does not show them), stay
 * its own. An embed of a passage of its own page carries nothing new.
 */
export function carryEmbeddedLinks(numbered: NumberedNotes, resolved: ResolvedLinks, addresses: Addresses): ReadonlyMap<number, CarriedLink[]> {
  const carried = new Map<number, CarriedLink[]>();
  for (const embed of numbered.links) {
    // An embed inside a paragraph shows as a link, not as what it embeds.
    if (!embed.embed || embed.embed.inline) continue;
    const page = addresses.slugs.get(embed.from)![embed.part]!;
    const found: CarriedLink[] = [];
    collect(embed, page, [], 0, numbered, resolved, addresses, (link, resolution) =>
      found.push({ link: { ...link, from: embed.from, part: embed.part, line: embed.line, trail: embed.trail }, resolution }),
    );
    if (found.length) carried.set(embed.index, found);
  }
  return carried;
}

type Found = (link: LinkOccurrence, resolution: Resolution) => void;

function collect(embed: LinkOccurrence, page: Slug, seen: readonly string[], depth: number, numbered: NumberedNotes, resolved: ResolvedLinks, addresses: Addresses, found: Found): void {
  const resolution = resolved.resolutions[embed.index]!;
  if (resolution.kind !== 'page' || resolution.slug === page || depth >= MAX_DEPTH) return;
  const key = `${resolution.slug}#${resolution.fragment ?? ''}`;
  if (seen.includes(key)) return;
  const note = numbered.byPath.get(resolution.note)!;
  for (const link of shownBy(embed, resolution, note, numbered, addresses)) {
    const inner = resolved.resolutions[link.index]!;
    if (inner.kind !== 'page' || inner.note !== note.path) found(link, inner);
    if (link.embed && !link.embed.inline) collect(link, page, [...seen, key], depth + 1, numbered, resolved, addresses, found);
  }
}

/** The links inside what an embed shows, in document order. */
function shownBy(embed: LinkOccurrence, resolution: Extract<Resolution, { kind: 'page' }>, note: PreparedNote, numbered: NumberedNotes, addresses: Addresses): LinkOccurrence[] {
  const byPart = numbered.linksByPart.get(note.path)!;
  const part = addresses.partAt.get(resolution.slug)!.part;
  const inText = (links: readonly LinkOccurrence[] | undefined) => (links ?? []).filter((link) => link.form !== 'property');
  const { fragment } = resolution;
  if (fragment === undefined) {
    // The whole note, as `![[Note]]` shows it, or the one chapter a link to its title names.
    const whole = part === 0 && embed.target.headings.length === 0;
    return whole ? note.parts.flatMap((_, i) => inText(byPart[i])) : inText(byPart[part]);
  }
  if (fragment.startsWith('^')) return inText(byPart[part]).filter((link) => link.block === fragment.slice(1));
  const heading = note.parts[part]!.headings.findIndex((h) => h.id === fragment);
  return heading === -1 ? [] : inText(byPart[part]).filter((link) => link.trail.includes(heading));
}
