import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVault, readVault, type NotePage, type Page, type StubPage, type TagPage, type Vault } from '../../src/vault/index.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);
export const shippedVault = path.join(projectRoot, 'content');

export async function vaultOf(dir: string, base = '/'): Promise<Vault> {
  return buildVault(await readVault(dir), { base });
}

export function page(vault: Vault, slug: string): Page {
  const found = vault.bySlug.get(slug as never);
  if (!found) throw new Error(`no page ${slug}; pages: ${[...vault.bySlug.keys()].join(', ')}`);
  return found;
}
export const notePage = (vault: Vault, slug: string) => page(vault, slug) as NotePage;
export const stubPage = (vault: Vault, slug: string) => page(vault, slug) as StubPage;
export const tagPage = (vault: Vault, slug: string) => page(vault, slug) as TagPage;

/** The hrefs of the links in an HTML fragment, with their text. */
export function linksIn(html: string): { href: string; text: string; className: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"(?: class="([^"]*)")?[^>]*>(.*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    className: m[2] ?? '',
    text: m[3]!.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&').replace(/&gt;/g, '>'),
  }));
}
