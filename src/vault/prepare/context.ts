import { normalizeBase } from '../href.ts';
import { fold } from '../link-index.ts';
import { parseCatalog } from '../read/catalog.ts';
import type { BuildOptions, ObsidianSettings, Service, VaultFiles } from '../types.ts';
import type { PrepareContext } from './types.ts';

/** What preparing a note depends on besides the note: read from the options and the catalog, the same wherever notes are prepared. */
export function prepareContext(files: VaultFiles, options: BuildOptions = {}): PrepareContext {
  const catalog = files.catalog ? parseCatalog(files.catalog.path, files.catalog.text) : undefined;
  return contextOf(catalog?.ok ? catalog.services : [], options, files.obsidian);
}

export function contextOf(services: readonly Service[], options: BuildOptions, obsidian: ObsidianSettings = {}): PrepareContext {
  return {
    base: normalizeBase(options.base),
    serviceNames: services.flatMap((service) => [service.name, ...service.aliases]).map(fold),
    privateFolders: (options.privateFolders ?? []).map((folder) => `${fold(folder)}/`),
    rawHtml: options.allowRawHtml ? 'trust' : 'sanitize',
    strictLineBreaks: obsidian.strictLineBreaks === true,
  };
}
