/**
 * Bases as a note's preparation leaves them: a `.base` file is a page whose
 * body is one placeholder, and a `base` code block in a note becomes one in
 * place of the code. Each placeholder names its base by a key of the vault
 * (file and line), so it finds its base wherever it is shown, in an embed
 * too. The model evaluates the bases over the published notes once every
 * link is resolved (stages/evaluate-bases.ts), and puts them in place of
 * their placeholders (stages/finish/place-bases.ts).
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Code, Root } from 'mdast';
import { SKIP, visit } from '../../markdown/visit.ts';
import GithubSlugger from 'github-slugger';
import { parseConfig } from '../bases/config.ts';
import { noteName } from '../link-index.ts';
import type { SourceFile, VaultPath } from '../types.ts';
import type { BaseBlock, PartHeading, PreparedFile, PreparedPart } from './types.ts';

export const isBasePath = (path: string): boolean => /\.base$/i.test(path);

/** The key of the base whose YAML starts on `line` of `path`. */
export const baseKey = (path: VaultPath, line: number): string => `${path}:${line}`;

/** The element a base's view stands in for until the model puts it in place. */
export const basePlaceholder = (key: string): Element => h('div', { dataQuireBase: key });

/** Each `base` code block of a part becomes a placeholder; the blocks' YAML, in document order. */
export function markBaseBlocks(tree: Root, path: VaultPath): BaseBlock[] {
  const blocks: BaseBlock[] = [];
  visit(tree, 'code', (node: Code, index, parent) => {
    if (node.lang?.toLowerCase() !== 'base' || !parent || index === undefined) return undefined;
    const firstLine = (node.position?.start.line ?? 0) + 1;
    const key = baseKey(path, firstLine);
    blocks.push({ key, text: node.value, firstLine });
    const placeholder = { type: 'baseBlock', data: { hName: 'div', hProperties: { dataQuireBase: key }, hChildren: [] } };
    parent.children.splice(index, 1, placeholder as never);
    return SKIP;
  });
  return blocks;
}

/**
 * A `.base` file: a page showing its views, each in a section of its own
 * under the view's name, so that `[[Library.base#Covers]]` reaches a view,
 * `![[Library.base#Covers]]` shows that one, and the page lists its views.
 * Its YAML is read again when the base is evaluated, so a mistake in it is
 * reported there, with its line; a base whose YAML cannot be read is one
 * placeholder, which shows why.
 */
export function prepareBaseFile(file: SourceFile, published: boolean): PreparedFile {
  const { path } = file;
  const name = noteName(path);
  const base = { ok: true as const, path, name, format: 'base' as const, frontmatter: {}, published, whole: false, links: [] };
  if (!published) return base;
  const key = baseKey(path, 1);
  const views = parseConfig(file.text).config?.views ?? [];
  const slugger = new GithubSlugger();
  const headings: PartHeading[] = views.map((view) => ({ depth: 2, text: view.name, displayText: view.name, id: slugger.slug(view.name), line: view.line }));
  const body = views.length
    ? views.map((_, i) => ({ html: toHtml(h('section', { className: ['base-view-section'], id: headings[i]!.id }, basePlaceholder(viewKey(key, i)))) }))
    : [{ html: toHtml(basePlaceholder(key)) }];
  const part: PreparedPart = { kind: 'note', empty: false, body, headings, tags: [], blocks: [], passages: [], bases: [{ key, text: file.text, firstLine: 1 }] };
  const note = { path, name, format: 'base' as const, ...(file.modified ? { updated: file.modified.toISOString() } : {}), cssClasses: [], title: name.replace(/\.base$/i, ''), frontmatter: {}, aliases: [], tags: [], properties: [], propertyLines: {}, parts: [part] };
  return { ...base, note };
}

/** The key of one view of a base, for a page that shows its views one by one. */
export const viewKey = (key: string, view: number): string => `${key}#${view}`;
