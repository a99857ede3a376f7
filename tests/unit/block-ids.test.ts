import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { buildVault, type NotePage, type SourceFile, type Vault } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const htmlOf = (vault: Vault, slug: string) => fromHtml((vault.bySlug.get(slug as never) as NotePage).html, { fragment: true });

/** As Obsidian's help writes them: the id on the line after an image embed, and links and embeds that name it. */
const daily = note('Daily notes.md', [
  'Intro.',
  '',
  '![[daily.png#interface|300]]',
  '^daily-notes-date',
  '',
  'After ![[daily.png]] ^same-line',
  '',
  '<iframe src="https://example.com/"></iframe>',
  '^frame',
  '',
  '<div>Some HTML.</div>',
  '',
  '^after-html',
  '',
  '![[Other]] ^note-embed',
  '',
].join('\n'));
const linker = note('Properties.md', '![[Daily notes#^daily-notes-date]]\n\nSee [[Daily notes#^daily-notes-date]], [[Daily notes#^frame]], [[Daily notes#^after-html]].\n\n![[Daily notes#^note-embed]]\n');
const files = { notes: [daily, note('Other.md', 'Other text.\n'), linker], unreadable: [], attachments: ['Attachments/daily.png' as never] };

describe('block ids after embeds and HTML', () => {
  it('stay on the embed, the image or the HTML they follow', () => {
    const page = htmlOf(buildVault(files, { allowRawHtml: true }), 'daily-notes');
    expect(select('[id="^daily-notes-date"]', page)).toMatchObject({ tagName: 'img', properties: { src: '/attachments/Attachments/daily.png', width: 300 } });
    expect(select('[id="^same-line"]', page)?.tagName).toBe('p');
    expect(select('[id="^frame"] iframe', page)?.properties.src).toBe('https://example.com/');
    expect(select('[id="^after-html"] div', page)?.tagName).toBe('div');
    expect(select('[id="^note-embed"]', page)?.properties.className).toEqual(['embed', 'embed-note']);
    // The markers themselves are not shown.
    expect(JSON.stringify(page)).not.toMatch(/\^(daily-notes-date|frame|after-html|same-line|note-embed)\b(?!")/);
  });

  it('are found by the links and embeds that name them, with no problem reported', () => {
    const vault = buildVault(files, { allowRawHtml: true });
    const page = htmlOf(vault, 'properties');
    expect(select('.embed-note .embed-content img', page)?.properties.src).toBe('/attachments/Attachments/daily.png');
    const hrefs = (vault.bySlug.get('properties' as never) as NotePage).links.map((link) => (link.kind === 'link' ? link.href : ''));
    expect(hrefs).toEqual(['/daily-notes/#%5Edaily-notes-date', '/daily-notes/#%5Eframe', '/daily-notes/#%5Eafter-html']);
    expect(select('.embed-note .embed-content .embed-note .embed-content p', page)).toMatchObject({ children: [{ type: 'text', value: 'Other text.' }] });
    expect(vault.problems).toEqual([]);
  });

  it('leave the block of a note’s sanitised HTML marked, whatever the HTML lost', () => {
    const page = htmlOf(buildVault(files), 'daily-notes');
    expect(select('[id="^frame"]', page)?.tagName).toBe('div');
    expect(select('[id="^after-html"] div', page)?.tagName).toBe('div');
  });
});
