import type { LinkOccurrence, PreparedPart } from '../prepare/types.ts';
import type { Backlink, VaultPath } from '../types.ts';
import type { Addresses, Mention, NumberedNotes, Site } from './types.ts';

/** About how much of a passage a list of passages shows. */
const WIDTH = 220;

/** About `width` characters of a passage, cut at a word. */
function excerptOf(text: string, width = WIDTH): string {
  if (text.length <= width) return text;
  const cut = text.lastIndexOf(' ', width);
  return `${text.slice(0, cut > 0 ? cut : width)} …`;
}

/**
 * For each heading of a part, the start of the text it heads: the passages
 * standing directly under it, before any heading below it, a `·` between
 * paragraphs. Made once per part.
 */
const bodies = new WeakMap<PreparedPart, string[]>();
function headingBodies(part: PreparedPart): string[] {
  let made = bodies.get(part);
  if (made) return made;
  made = part.headings.map(() => '');
  for (const passage of part.passages) {
    const under = passage.trail[passage.trail.length - 1];
    if (under === undefined || part.headings[under]!.line === passage.line) continue;
    const body = made[under]!;
    if (body.length < WIDTH) made[under] = body ? `${body} · ${passage.text}` : passage.text;
  }
  bodies.set(part, made);
  return made;
}

/**
 * What a passage standing in a heading says: the text under that heading,
 * or under the nearest heading above it that has some. A heading alone
 * (`### [[Amazon SageMaker#Studio]]`) says nothing a list of passages could
 * show; the section it opens does.
 */
function sectionText(part: PreparedPart, trail: readonly number[]): string | undefined {
  const text = headingBodies(part);
  for (let i = trail.length - 1; i >= 0; i--) {
    const body = text[trail[i]!];
    if (body) return excerptOf(body);
  }
  return undefined;
}

/**
 * Where a passage stands, as a backlink shows it: its page, the headings
 * above it, an excerpt, and a link to the nearest heading above it. A link's
 * excerpt is the text around it; a mention's, the start of its passage;
 * either's, when it stands in a heading, the start of the section below.
 */
export function spotOf(numbered: NumberedNotes, addresses: Addresses, site: Site): { ofLink: (link: LinkOccurrence) => Backlink; ofMention: (mention: Mention) => Backlink } {
  const spot = (path: VaultPath, part: number, trail: readonly number[], line: number, excerpt: string): Backlink => {
    const from = addresses.pages.get(path)![part]!;
    const prepared = numbered.byPath.get(path)!.parts[part]!;
    const above = trail.map((i) => prepared.headings[i]!);
    const nearest = above[above.length - 1];
    const inHeading = nearest !== undefined && nearest.line === line;
    const text = (inHeading ? sectionText(prepared, trail) : undefined) ?? excerpt;
    return { from, trail: above.map((h) => h.displayText), excerpt: text, href: site.href(from.slug, nearest?.id), file: path, line };
  };
  return {
    ofLink: (link) => spot(link.from, link.part, link.trail, link.line, link.excerpt),
    ofMention: ({ note, part, passage }) => spot(note.path, part, passage.trail, passage.line, excerptOf(passage.text)),
  };
}
