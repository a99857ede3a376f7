import { buildLinkIndex } from '../link-index.ts';
import { inPrivateFolder } from '../prepare/prepare-file.ts';
import type { PrepareContext } from '../prepare/types.ts';
import { suggester } from '../problems.ts';
import type { VaultFiles, VaultPath } from '../types.ts';
import type { LinkWorld } from './link-resolver.ts';
import type { Addresses, Catalog, Hubs, NumberedNotes, PublishedNotes } from './types.ts';

/** A "did you mean" over a list of names; the dev server keeps the answers while the names stay the same. */
export type SuggesterFor = (list: 'notes' | 'attachments', names: readonly string[]) => (wanted: string) => string | undefined;

/** Whole names only: the lists are every note and every attachment of the vault. */
export const wholeNames = (names: readonly string[]) => suggester(names, { wordRuns: false });

/** The attachments a page may show: every one outside the private folders. */
export function publicAttachments(files: VaultFiles, context: PrepareContext): VaultPath[] {
  return (files.attachments ?? []).filter((path) => !inPrivateFolder(path, context.privateFolders));
}

/** What links resolve against, with maps built once, so that resolving a link is a lookup, never a scan of the vault. */
export function linkWorld(published: PublishedNotes, attachments: readonly VaultPath[], catalog: Catalog, hubs: Hubs, numbered: NumberedNotes, addresses: Addresses, suggesterFor: SuggesterFor): LinkWorld {
  const notes = buildLinkIndex(published.linkable.filter((note) => note.published));
  const privateNotes = buildLinkIndex(published.linkable.filter((note) => !note.published));
  const attachmentIndex = buildLinkIndex(attachments.map((path) => ({ path, aliases: [] })));
  return {
    notes,
    privateNotes,
    attachments: attachmentIndex,
    catalog,
    hubs,
    numbered,
    addresses,
    suggestNote: suggesterFor('notes', notes.names),
    suggestAttachment: suggesterFor('attachments', attachmentIndex.names),
  };
}
