import type { Problem, Service, ServiceLink, VaultPath } from '../types.ts';
import type { PartJob } from './finish/finish-part.ts';
import { partKey } from './section-services.ts';
import type { Addresses, FinishedNotes, FinishedPart, NumberedNotes, SectionServiceMap } from './types.ts';

/** How one part is finished: `finishPart` (finish/finish-part.ts), or the dev server's, which keeps what has not changed. */
export type PartFinisher = (job: PartJob) => FinishedPart;

/**
 * Every part of every note finished: its links filled in, its embeds
 * expanded, its vault URLs rewritten, with the services each section names
 * to be listed after its H2. Problems come in page order.
 */
export function finishHtml(numbered: NumberedNotes, addresses: Addresses, sections: SectionServiceMap, serviceLink: (service: Service) => ServiceLink, finish: PartFinisher): FinishedNotes {
  const parts = new Map<PartJob['part'], FinishedPart>();
  const problems: Problem[] = [];
  const attachments = new Set<VaultPath>();
  for (const note of numbered.notes) {
    const slugs = addresses.slugs.get(note.path)!;
    const links = numbered.linksByPart.get(note.path)!;
    note.parts.forEach((part, index) => {
      const named = sections.get(partKey(note.path, index));
      const finished = finish({
        note,
        index,
        part,
        slug: slugs[index]!,
        offset: numbered.offsets.get(note.path)!,
        links: links[index] ?? [],
        sections: new Map([...(named ?? [])].map(([id, services]) => [id, [...services].sort((a, b) => a.name.localeCompare(b.name)).map(serviceLink)])),
      });
      parts.set(part, finished);
      problems.push(...finished.problems);
      for (const path of finished.attachments) attachments.add(path);
    });
  }
  return { parts, problems, attachments };
}
