import { findHeading } from '../../headings.ts';
import { attachmentHref } from '../../href.ts';
import { folderOf, resolveNote, type LinkIndex } from '../../link-index.ts';
import { isAttachment } from '../../prepare/embeds.ts';
import type { Problem, VaultPath } from '../../types.ts';
import type { Addresses, Site } from '../types.ts';

/** Where a Markdown link or image with a vault path leads: nowhere (`href` missing) when there is nothing there. */
export interface VaultUrl {
  href?: string;
  /** What is wrong with it, reported by the page it stands on. */
  problem?: Problem;
  /** The attachment it shows, to be published. */
  attachment?: VaultPath;
}

export interface UrlWorld {
  site: Site;
  /** The published notes; a URL that names only a private one is shown as text, like one that names nothing. */
  notes: LinkIndex;
  privateNotes: LinkIndex;
  attachments: LinkIndex;
  addresses: Addresses;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The vault path a URL written in note `from` names, its path joined to the note's folder; undefined when it climbs out of the vault. */
function vaultPathOf(wanted: string, from: VaultPath): string | undefined {
  const joined: string[] = [];
  for (const segment of (wanted.startsWith('/') ? wanted : `${folderOf(from)}/${wanted}`).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') joined.push(segment);
    else if (joined.length === 0) return undefined;
    else joined.pop();
  }
  return joined.join('/');
}

/**
 * Where a Markdown link or image with a vault path (`../images/a.png`,
 * `Other%20Note.md#Heading`) is published, as Obsidian resolves it.
 */
export function vaultUrlResolver(world: UrlWorld): (url: string, from: VaultPath, line: number) => VaultUrl {
  return (url, from, line) => {
    const warn = (rule: Problem['rule'], message: string): VaultUrl => ({ problem: { rule, file: from, line, message, severity: 'warning' } });
    const hash = url.indexOf('#');
    const wanted = decode(hash === -1 ? url : url.slice(0, hash)).replace(/\\/g, '/');
    const fragment = hash === -1 ? '' : decode(url.slice(hash + 1));
    const path = vaultPathOf(wanted, from);
    if (path === undefined) return warn('outside-vault', `${url} points outside the vault; it is shown as text and nothing is read from there`);
    if (!path) return {};
    if (isAttachment(path)) {
      const found = resolveNote(world.attachments, path, from);
      if (!found.found) return warn('missing-attachment', `${url}: no file “${path}” in the vault; it is shown as text`);
      const href = attachmentHref(world.site.base, found.note.path);
      return { href: fragment ? `${href}#${fragment}` : href, attachment: found.note.path };
    }
    const found = resolveNote(world.notes, path, from);
    if (!found.found) return resolveNote(world.privateNotes, path, from).found ? {} : warn('unresolved-link', `${url}: no note “${path}”; it is shown as text`);
    const heading = fragment ? findHeading(world.addresses.headings.get(found.note.path)!, fragment.split('#').filter(Boolean)) : undefined;
    return { href: heading ? world.site.href(heading.page, heading.id) : world.site.href(world.addresses.slugs.get(found.note.path)![0]!) };
  };
}
