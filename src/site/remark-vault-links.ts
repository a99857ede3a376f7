import path from 'node:path';
import type { Root, Text } from 'mdast';
import { unified } from 'unified';
import { lineBreaks } from '../markdown/pipeline.ts';
import { SKIP, visit } from '../markdown/visit.ts';
import type { VFile } from 'vfile';
import { hrefFor, linkInlineTags, markBlocks, readObsidianSettings, tagSlug, wikiLinkText, type ObsidianSettings, type VaultPath } from '../vault/index.ts';
import { sharedSettings } from './settings.ts';
import { loadVault } from './vault.ts';

const breakLines = unified().use(lineBreaks({ strictLineBreaks: false }));
const obsidianSettings = new Map<string, Promise<ObsidianSettings>>();

/**
 * For `.mdx` notes, which @astrojs/mdx compiles: gives their wiki-links the
 * hrefs the vault model resolved, and their tags and block ids the same
 * treatment as Markdown notes, so both kinds of note read alike.
 */
export default function remarkVaultLinks() {
  return async (tree: Root, file: VFile) => {
    const settings = sharedSettings();
    if (!file.path?.startsWith(settings.contentDir)) return;
    const vault = await loadVault();
    const source = path.relative(settings.contentDir, file.path).split(path.sep).join('/');
    const note = vault.mdxNotes.get(source as VaultPath);
    if (!note) return;

    markBlocks(tree);
    linkInlineTags(tree, String(file.value), (tag) => hrefFor(vault.base, tagSlug(tag)));
    if (!obsidianSettings.has(settings.contentDir)) obsidianSettings.set(settings.contentDir, readObsidianSettings(settings.contentDir));
    if (!(await obsidianSettings.get(settings.contentDir))!.strictLineBreaks) breakLines.runSync(tree);
    let next = 0;
    visit(tree, 'wikiLink', (node, index, parent) => {
      const rendering = note.links[next++];
      const shown = wikiLinkText(node, String(file.value));
      if (!rendering || rendering.kind === 'text' || !parent || index === undefined) {
        if (parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: shown } as Text);
        return [SKIP, index];
      }
      node.data = {
        ...node.data,
        hName: 'a',
        hProperties: { href: rendering.href, className: rendering.className, ...(rendering.title ? { title: rendering.title } : {}) },
        hChildren: [{ type: 'text', value: shown }],
      };
      return undefined;
    });
  };
}
