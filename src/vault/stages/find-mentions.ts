import { mentionFinder } from '../mentions.ts';
import type { Passage } from '../prepare/types.ts';
import type { Service } from '../types.ts';
import type { Catalog, Hubs, Mention, NumberedNotes } from './types.ts';

/** The services a passage names in plain text; see mentions.ts. */
export type MentionsIn = (passage: Passage) => readonly Service[];

export function mentionsIn(catalog: Catalog): MentionsIn {
  const find = mentionFinder(catalog.services);
  return (passage) => find(passage.plain);
}

/** Every passage that names a service without linking to it, except a hub's own note naming its service. */
export function findMentions(numbered: NumberedNotes, hubs: Hubs, named: MentionsIn): Mention[] {
  const mentions: Mention[] = [];
  for (const note of numbered.notes) {
    const own = hubs.serviceOf.get(note.path);
    note.parts.forEach((part, partIndex) => {
      for (const passage of part.passages) {
        for (const service of named(passage)) if (service !== own) mentions.push({ note, part: partIndex, passage, service });
      }
    });
  }
  return mentions;
}
