import type { PreparedPart } from '../../prepare/types.ts';
import type { EvaluatedBases } from '../evaluate-bases.ts';
import type { FinishedNotes, FinishedPart } from '../types.ts';

/** A base's placeholder as a finished part's HTML holds it (see prepare/bases.ts). */
const PLACEHOLDER = /<div data-quire-base="[^"]*"><\/div>/g;

/**
 * Puts each base's views in place of its placeholder, in every finished
 * part: the note's own, and any that embeds it. This runs after the parts
 * are finished, not inside finishing them, because a base shows what the
 * whole vault holds: a part kept as it was by the dev server still shows
 * its bases as they are now. The places where a page lists a section's
 * services move with the text before them.
 */
export function placeBases(finished: FinishedNotes, bases: EvaluatedBases): FinishedNotes {
  if (bases.byPlaceholder.size === 0) return finished;
  const parts = new Map<PreparedPart, FinishedPart>();
  for (const [part, done] of finished.parts) parts.set(part, done.html.includes('data-quire-base=') ? withBases(done, bases.byPlaceholder) : done);
  return { parts, problems: finished.problems, attachments: new Set([...finished.attachments, ...bases.attachments]) };
}

function withBases(done: FinishedPart, byPlaceholder: ReadonlyMap<string, string>): FinishedPart {
  let html = '';
  let last = 0;
  const shifts: { from: number; by: number }[] = [];
  for (const match of done.html.matchAll(PLACEHOLDER)) {
    const shown = byPlaceholder.get(match[0]) ?? '';
    html += done.html.slice(last, match.index) + shown;
    last = match.index + match[0].length;
    shifts.push({ from: last, by: shown.length - match[0].length });
  }
  html += done.html.slice(last);
  const moved = (at: number) => at + shifts.reduce((sum, shift) => (shift.from <= at ? sum + shift.by : sum), 0);
  return { ...done, html, sectionServices: done.sectionServices.map((section) => ({ ...section, at: moved(section.at) })) };
}
