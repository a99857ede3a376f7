import type { LinkOccurrence } from '../prepare/types.ts';
import type { Backlink, VaultPath } from '../types.ts';
import type { Addresses, Mention, NumberedNotes, Site } from './types.ts';

/** About `width` characters of a passage, cut at a word. */
function excerptOf(text: string, width = 220): string {
  if (text.length <= width) return text;
  const cut = text.lastIndexOf(' ', width);
  return `${text.slice(0, cut > 0 ? cut : width)} …`;
}

/**
 * Where a passage stands, as a backlink shows it: its page, the headings
 * above it, an excerpt, and a link to the nearest heading above it. A link's
 * excerpt is the text around it; a mention's, the start of its passage.
 */
export function spotOf(numbered: NumberedNotes, addresses: Addresses, site: Site): { ofLink: (link: LinkOccurrence) => Backlink; ofMention: (mention: Mention) => Backlink } {
  const spot = (path: VaultPath, part: number, trail: readonly number[], line: number, excerpt: string): Backlink => {
    const from = addresses.pages.get(path)![part]!;
    const headings = numbered.byPath.get(path)!.parts[part]!.headings;
    const above = trail.map((i) => headings[i]!);
    const nearest = above[above.length - 1];
    return { from, trail: above.map((h) => h.displayText), excerpt, href: site.href(from.slug, nearest?.id), file: path, line };
  };
  return {
    ofLink: (link) => spot(link.from, link.part, link.trail, link.line, link.excerpt),
    ofMention: ({ note, part, passage }) => spot(note.path, part, passage.trail, passage.line, excerptOf(passage.text)),
  };
}
