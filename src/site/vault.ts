import { buildVault, readVault, type Vault } from '../vault/index.ts';
import { fallbackTitle, sharedSettings } from './settings.ts';

const MODEL = Symbol.for('quire.vault');

interface Cached {
  key: string;
  vault: Promise<Vault>;
}

const slot = globalThis as Record<symbol, Cached | undefined>;

/**
 * The vault model of this build, read and built once and shared by every
 * page. In `astro dev` it is dropped when a note changes and built again.
 */
export function loadVault(): Promise<Vault> {
  const settings = sharedSettings();
  const key = `${settings.contentDir}\0${settings.base}`;
  const cached = slot[MODEL];
  if (cached && cached.key === key) return cached.vault;
  const vault = readVault(settings.contentDir).then((files) =>
    buildVault(files, {
      base: settings.base,
      ...(settings.title ? { title: settings.title } : {}),
      fallbackTitle: fallbackTitle(settings),
    }),
  );
  slot[MODEL] = { key, vault };
  return vault;
}

export function forgetVault(): void {
  slot[MODEL] = undefined;
}
