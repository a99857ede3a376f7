import type { LinkOccurrence, PreparedFile, PreparedNote } from '../prepare/types.ts';
import type { VaultPath } from '../types.ts';
import type { Hubs, NumberedNotes, ReadableFile } from './types.ts';

/**
 * Numbers every link across the vault: each note numbered its own from 0,
 * so its links move on by the links of the notes before it. A note prepared
 * whole because it is named like a service, but which is not that service's
 * hub (another note is), is split into chapters like any note (`split`).
 */
export function numberLinks(published: readonly ReadableFile[], hubs: Hubs, split: (file: ReadableFile) => PreparedFile): NumberedNotes {
  const links: LinkOccurrence[] = [];
  const offsets = new Map<VaultPath, number>();
  let next = 0;
  const notes: PreparedNote[] = published.map((file) => {
    let { note, links: own } = file;
    if (file.whole && !hubs.serviceOf.has(file.path)) {
      const again = split(file);
      if (again.ok) ({ note, links: own } = again);
    }
    offsets.set(file.path, next);
    for (const link of own) links.push({ ...link, index: link.index + next });
    next += own.reduce((most, link) => Math.max(most, link.index + 1), 0);
    return note!;
  });
  const byNumber: LinkOccurrence[] = [];
  for (const link of links) byNumber[link.index] = link;
  const linksByPart = new Map<VaultPath, LinkOccurrence[][]>(notes.map((note) => [note.path, []]));
  for (const link of links) (linksByPart.get(link.from)![link.part] ??= []).push(link);
  return { notes, byPath: new Map(notes.map((note) => [note.path, note])), links, byNumber, offsets, linksByPart };
}
