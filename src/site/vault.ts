import type { Vault } from '../vault/index.ts';

/**
 * How pages reach the vault model: the integration, which builds it
 * (src/site/vault-builder.ts), leaves its loader here. Pages import only
 * this, so the bundle that renders them holds none of the code that reads
 * and parses notes (Markdown, Shiki, KaTeX…), which it never runs. The
 * config and the pages are separate module graphs in one process, so the
 * loader lives on globalThis.
 */
interface VaultLoader {
  load(): Promise<Vault>;
  /** The model, if this build has built it already: for configuration read synchronously, such as the MDX collection. */
  built(): Vault | undefined;
}

const LOADER = Symbol.for('quire.vaultLoader');
const shared = globalThis as Record<symbol, VaultLoader | undefined>;

export function shareVaultLoader(loader: VaultLoader): void {
  shared[LOADER] = loader;
}

function loader(): VaultLoader {
  const found = shared[LOADER];
  if (!found) throw new Error('The vault model is built by the Quire integration (src/integrations/quire.ts); add quire() to the integrations in astro.config.mjs.');
  return found;
}

/** The vault model of this build, shared by every page. */
export const loadVault = (): Promise<Vault> => loader().load();

export const builtVault = (): Vault | undefined => shared[LOADER]?.built();
