/**
 * The vault model's one boundary: code outside src/vault/ imports from here only.
 */
export { buildVault } from './build-vault.ts';
export { ModelMemo } from './memo/model-memo.ts';
export { prepareContext } from './prepare/context.ts';
export { prepareFile } from './prepare/prepare-file.ts';
export { prepareInWorkers } from './prepare/prepare-pool.ts';
export type { PrepareContext, PreparedFile } from './prepare/types.ts';
export { stripNoteComments } from './prepare/markdown.ts';
export { markBlocks } from './prepare/blocks.ts';
export { linkInlineTags, tagSlug } from './prepare/tags.ts';
export { wikiLinkText } from './prepare/prepare-part.ts';
export { CATALOG_FILES } from './read/catalog-files.ts';
export { formatMismatch, SIGNATURE_BYTES } from './read/file-signatures.ts';
export { listVault, readVault, rereadNotes, VaultNotFoundError } from './read/read-vault.ts';
export { readObsidianSettings } from './read/obsidian-settings.ts';
export { formatProblem } from './problems.ts';
export { formatReport, problemList } from './report.ts';
export { folderOf } from './link-index.ts';
export { passageTotal } from './stages/list-once.ts';
export { hrefFor, normalizeBase } from './href.ts';
export type * from './types.ts';
