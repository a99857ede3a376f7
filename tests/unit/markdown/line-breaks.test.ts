import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkLineBreaks from '../../../src/markdown/remark-line-breaks.ts';
import { buildVault, prepareContext, readObsidianSettings, readVault, type NotePage, type SourceFile, type VaultFiles } from '../../../src/vault/index.ts';

const render = (markdown: string) => toHtml(unified().use(remarkParse).use(remarkLineBreaks).use(remarkRehype).runSync(unified().use(remarkParse).parse(markdown)) as never);
const files = (text: string, obsidian?: VaultFiles['obsidian']): VaultFiles => ({ notes: [{ path: 'Note.md', text } as SourceFile], unreadable: [], ...(obsidian ? { obsidian } : {}) });
const bodyOf = (vault: ReturnType<typeof buildVault>) => (vault.bySlug.get('note' as never) as NotePage).html;

describe('line breaks, as Obsidian shows them (R22)', () => {
  it('turns a single newline inside a paragraph into a line break, keeping the formatting on each line', () => {
    expect(render('*Data Preparation*\nData Ingestion >> Data Analysis >>')).toBe('<p><em>Data Preparation</em><br>\nData Ingestion >> Data Analysis >></p>');
    expect(render('one  \ntwo\nthree')).toBe('<p>one<br>\ntwo<br>\nthree</p>');
  });

  it('leaves paragraphs, code and a line without a newline as they are', () => {
    expect(render('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>');
    expect(render('```\na\nb\n```')).toBe('<pre><code>a\nb\n</code></pre>');
    expect(render('just one line')).toBe('<p>just one line</p>');
  });

  it('breaks a note’s lines by default, and joins them when the vault asks for strict line breaks', () => {
    const text = '1. MLOps v1.0\nManually build, train and deploy.\n\nA #tag\n#second on its own line, and an id\nat the end ^block\n';
    const loose = bodyOf(buildVault(files(text)));
    expect(loose).toContain('MLOps v1.0<br>\nManually build');
    expect(loose).toMatch(/<a[^>]*class="tag"[^>]*>#second<\/a>/);
    expect(loose).toMatch(/<p id="\^block">A <a[^>]*>#tag<\/a><br>\n<a[^>]*>#second<\/a> on its own line, and an id<br>\nat the end<\/p>/);
    const strict = bodyOf(buildVault(files(text, { strictLineBreaks: true })));
    expect(strict).not.toContain('<br>');
    expect(strict).toContain('MLOps v1.0\nManually build');
  });

  it('reads the setting from the vault’s .obsidian/app.json, Obsidian’s default when it has none or cannot be read', async () => {
    const vault = await mkdtemp(path.join(os.tmpdir(), 'quire-app-json-'));
    await writeFile(path.join(vault, 'Note.md'), 'a\nb\n');
    expect(await readObsidianSettings(vault)).toEqual({});
    await mkdir(path.join(vault, '.obsidian'));
    await writeFile(path.join(vault, '.obsidian', 'app.json'), '{ "strictLineBreaks": true, "vimMode": true }');
    expect((await readVault(vault)).obsidian).toEqual({ strictLineBreaks: true });
    await writeFile(path.join(vault, '.obsidian', 'app.json'), '{ not json');
    expect(await readObsidianSettings(vault)).toEqual({});
  });

  it('makes the setting part of what a prepared note is cached under', () => {
    expect(prepareContext(files('a'), {})).not.toEqual(prepareContext(files('a', { strictLineBreaks: true }), {}));
    expect(prepareContext(files('a'), {})).toEqual(prepareContext(files('a', { strictLineBreaks: false }), {}));
  });
});
