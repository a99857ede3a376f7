import { findHeading } from '../../headings.ts';
import { attachmentHref } from '../../href.ts';
import { resolveNote, type LinkIndex } from '../../link-index.ts';
import { isAttachment } from '../../attachment-kinds.ts';
import { markdownTarget } from '../../prepare/link-target.ts';
import type { Problem, VaultPath } from '../../types.ts';
import type { Addresses, Site } from '../types.ts';

/** Where a link or image of a note's HTML with a vault path leads: nowhere (`href` missing) when there is nothing there. */
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

/**
 * Where a link or image of a note's own HTML with a vault path
 * (`<img src="../images/a.png">`, `<a href="Other%20Note.md#Heading">`) is
 * published, as Obsidian resolves it: from the note's folder, else by name.
 * Markdown links and images are the model's links (prepare/markdown-links.ts).
 */
export function vaultUrlResolver(world: UrlWorld): (url: string, from: VaultPath, line: number) => VaultUrl {
  return (url, from, line) => {
    const warn = (rule: Problem['rule'], message: string): VaultUrl => ({ problem: { rule, file: from, line, message, severity: 'warning' } });
    const target = markdownTarget(url, from);
    const hash = url.indexOf('#');
    const fragment = hash === -1 ? '' : url.slice(hash + 1);
    if (/(^|\/)\.\.(\/|$)/.test(target.path)) return warn('outside-vault', `${url} points outside the vault; it is shown as text and nothing is read from there`);
    if (!target.path) return {};
    if (isAttachment(target.path)) {
      const found = resolveNote(world.attachments, target.path, from, target.relative);
      if (!found.found) return warn('missing-attachment', `${url}: no file “${target.relative ?? target.path}” in the vault; it is shown as text`);
      const href = attachmentHref(world.site.base, found.note.path);
      return { href: fragment ? `${href}#${fragment}` : href, attachment: found.note.path };
    }
    const found = resolveNote(world.notes, target.path, from, target.relative);
    if (!found.found) return resolveNote(world.privateNotes, target.path, from, target.relative).found ? {} : warn('unresolved-link', `${url}: no note “${target.relative ?? target.path}”; it is shown as text`);
    const heading = target.headings.length ? findHeading(world.addresses.headings.get(found.note.path)!, target.headings) : undefined;
    return { href: heading ? world.site.href(heading.page, heading.id) : world.site.href(world.addresses.slugs.get(found.note.path)![0]!) };
  };
}
