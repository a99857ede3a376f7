import { fold } from '../link-index.ts';
import { hubNames } from '../prepare/prepare-file.ts';
import type { Service, VaultPath } from '../types.ts';
import type { Catalog, Hubs, ReadableFile } from './types.ts';

/** A note named after a service (or titled or aliased so) is that service's hub; the first such note wins. */
export function assignHubs(published: readonly ReadableFile[], catalog: Catalog): Hubs {
  const serviceOf = new Map<VaultPath, Service>();
  const noteOf = new Map<Service, VaultPath>();
  for (const note of published) {
    const service = hubNames(note.name, note.frontmatter)
      .map((name) => catalog.byName.get(fold(name)))
      .find(Boolean);
    if (service && !noteOf.has(service)) {
      serviceOf.set(note.path, service);
      noteOf.set(service, note.path);
    }
  }
  return { serviceOf, noteOf };
}
