export { buildVault } from './model.ts';
export type { Backlink, BuildOptions, BuildStats, ChapterOutline, NotePage, Page, PageLink, StubPage, StubSection, TagLink, TagPage, TocEntry, Vault } from './model.ts';
export { readVault, VaultNotFoundError } from './read-vault.ts';
export type { SourceFile, VaultFiles } from './read-vault.ts';
export { formatProblem } from './problems.ts';
export type { Problem } from './problems.ts';
export { formatReport } from './report.ts';
export type { Href, Slug, VaultPath } from './types.ts';
