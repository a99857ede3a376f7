import { fenceLanguages, loadCodeLanguages } from '../markdown/rehype-code-highlight.ts';
import { buildVault, readVault, type Vault } from '../vault/index.ts';
import { fallbackTitle, sharedSettings } from './settings.ts';

const MODEL = Symbol.for('quire.vault');

interface Cached {
  key: string;
  vault: Promise<Vault>;
  built?: Vault;
}

const slot = globalThis as Record<symbol, Cached | undefined>;

/**
 * The vault model of this build, read and built once and shared by every
 * page. In `astro dev` it is dropped when a note changes and built again.
 */
export function loadVault(): Promise<Vault> {
  const settings = sharedSettings();
  const key = JSON.stringify(settings);
  const current = slot[MODEL];
  if (current && current.key === key) return current.vault;
  const vault = readVault(settings.contentDir).then(async (files) => {
    // Code is highlighted while notes render, synchronously: the grammars the vault uses are loaded first.
    await loadCodeLanguages(files.notes.flatMap((note) => [...fenceLanguages(note.text)]));
    return buildVault(files, {
      base: settings.base,
      privateFolders: settings.privateFolders,
      allowRawHtml: settings.allowRawHtml,
      ...(settings.title ? { title: settings.title } : {}),
      fallbackTitle: fallbackTitle(settings),
    });
  });
  const cached: Cached = { key, vault };
  slot[MODEL] = cached;
  void vault.then((built) => (cached.built = built), () => undefined);
  return vault;
}

export function forgetVault(): void {
  slot[MODEL] = undefined;
}

/** The model, if this build has built it already: for configuration read synchronously, such as the MDX collection. */
export function builtVault(): Vault | undefined {
  return slot[MODEL]?.built;
}
