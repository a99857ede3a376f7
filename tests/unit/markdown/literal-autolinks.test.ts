import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkObsidian } from '../../../src/markdown/pipeline.ts';
import remarkGfmWithoutLiteralAutolinks, { mayHoldLiteralAutolink } from '../../../src/markdown/remark-gfm-without-literal-autolinks.ts';
import { visit } from '../../../src/markdown/visit.ts';
import { parseMarkdown } from '../../../src/vault/prepare/markdown.ts';
import { projectRoot, shippedVault } from '../../helpers/fixtures.ts';

/**
 * Notes with nothing a literal autolink is made of are parsed without GFM's
 * autolink syntax. They must come out exactly as with all of GFM, and notes
 * with an address must still get their links.
 */
const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkObsidian);
const light = unified().use(remarkParse).use(remarkGfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml']).use(remarkObsidian);

/** Every note in the test vaults and the shipped vault. */
function notesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

/** GFM's other syntax, none of it an address: what the lighter parser must still read. */
const GFM_WITHOUT_ADDRESSES = `---
tags: [a, b]
---
# Title

| Service | Use |
| :-- | --: |
| S3 | ~~storage~~ lake |

- [ ] open task
- [x] done task

A claim.[^1] A [[Wiki link|alias]] and ==highlight==, $x^2$.

> [!note] Callout
> Inside.

[^1]: The footnote, with ~one tilde~.
`;

const linksOf = (tree: Root): string[] => {
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link') urls.push((node as Link).url);
  });
  return urls;
};

describe('GFM without literal autolinks', () => {
  const corpus = [GFM_WITHOUT_ADDRESSES, ...notesOf(path.join(projectRoot, 'tests', 'fixtures')), ...notesOf(shippedVault)];
  const withoutAddresses = corpus.filter((text) => !mayHoldLiteralAutolink(text));

  it('reads tables, task lists, footnotes and strikethrough as GFM does', () => {
    const tree = light.parse(GFM_WITHOUT_ADDRESSES);
    const types = new Set<string>();
    visit(tree, (node) => void types.add(node.type));
    expect([...types]).toEqual(expect.arrayContaining(['table', 'listItem', 'footnoteReference', 'footnoteDefinition', 'delete', 'wikiLink', 'yaml']));
    expect(tree).toEqual(full.parse(GFM_WITHOUT_ADDRESSES));
  });

  it('parses every test and shipped note without an address to the tree all of GFM gives', () => {
    expect(withoutAddresses.length).toBeGreaterThan(50);
    for (const text of withoutAddresses) expect(light.parse(text)).toEqual(full.parse(text));
  });

  it.each([
    ['www.example.com', 'http://www.example.com'],
    ['WWW.EXAMPLE.COM', 'http://WWW.EXAMPLE.COM'],
    ['see HTTPS://example.com/a', 'HTTPS://example.com/a'],
    ['http://example.com', 'http://example.com'],
    ['write to someone@example.com', 'mailto:someone@example.com'],
    ['mailto:a@example.co', 'mailto:a@example.co'],
  ])('links the address in %j', (text, url) => {
    expect(mayHoldLiteralAutolink(text)).toBe(true);
    expect(linksOf(parseMarkdown(text))).toEqual([url]);
  });

  it('links what all of GFM links in a note with an address', () => {
    const text = 'Chat at xmpp:a@example.co/home, or [[Note]] www.example.com.';
    expect(linksOf(parseMarkdown(text))).toEqual(linksOf(full.parse(text)));
    expect(linksOf(parseMarkdown(text))).toHaveLength(2);
  });

  it('links an address a comment split in two, as the note reads once comments are cut', () => {
    expect(linksOf(parseMarkdown('ww%%cut%%w.example.com'))).toEqual(['http://www.example.com']);
  });

  it('leaves text that only looks like an address as text', () => {
    for (const text of ['www example', 'http:example', 'the wwwdot', 'S3 and Glue']) {
      expect(mayHoldLiteralAutolink(text)).toBe(false);
      expect(linksOf(parseMarkdown(text))).toEqual([]);
    }
  });
});
