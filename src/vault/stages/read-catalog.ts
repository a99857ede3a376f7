import { fold } from '../link-index.ts';
import { parseCatalog } from '../read/catalog.ts';
import type { Problem, Service, SourceFile } from '../types.ts';
import type { Catalog } from './types.ts';

/** The vault's services (`services.yaml`). A broken catalog stops the build, since every hub depends on it. */
export function readCatalog(source: SourceFile | undefined): Catalog {
  const problems: Problem[] = [];
  let services: Service[] = [];
  if (source) {
    const catalog = parseCatalog(source.path, source.text);
    if (catalog.ok) services = catalog.services;
    else {
      for (const error of catalog.errors) {
        problems.push({ rule: 'bad-catalog', file: source.path, ...(error.line ? { line: error.line } : {}), message: error.message, severity: 'fatal' });
      }
    }
  }
  const byName = new Map<string, Service>();
  for (const service of services) for (const name of [service.name, ...service.aliases]) byName.set(fold(name), service);
  return { ...(source ? { source } : {}), services, byName, problems };
}
