import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { visit } from '../../src/markdown/visit.ts';
import { parseMarkdown } from '../../src/vault/prepare/markdown.ts';
import { renderToHast, serializeBody } from '../../src/vault/prepare/render.ts';
import { finishHtmlText, needsTree, parseBody } from '../../src/vault/stages/finish/fill-links.ts';
import type { LinkRendering } from '../../src/vault/types.ts';
import { finishHtml } from '../helpers/render-markdown.ts';

/** A rendered part as prepareNote leaves it: wiki-links are placeholders numbered across the vault. */
function part(): Root {
  return {
    type: 'root',
    children: [
      h('h2', { id: 'storage' }, 'Storage'),
      { type: 'text', value: '\n' },
      h('p', ['Data lands in ', h('a', { dataQuireLink: '3' }, 'S3 & "buckets" <raw>'), ', then ', h('a', { dataQuireLink: '4' }, 'Glue'), '.']),
      h('p', [h('a', { dataQuireLink: '5' }, 'Private note')]),
    ],
  };
}

const renderings: Record<number, LinkRendering> = {
  3: { kind: 'link', href: '/services/amazon-s3/#buckets', className: ['internal', 'service'], title: 'Amazon S3 “buckets” & more' },
  4: { kind: 'link', href: '/services/aws-glue/', className: ['internal'] },
  5: { kind: 'text' },
};

describe('a body kept as text', () => {
  it('finishes to the same HTML as the tree does', () => {
    const body = serializeBody(part());
    const asText = finishHtmlText(body.map((chunk) => chunk.html).join(''), (n) => renderings[n]!);
    expect(asText).toBe(finishHtml(part(), (n) => renderings[n]!));
    expect(asText).toContain('<a href="/services/aws-glue/" class="internal">Glue</a>');
    expect(asText).toContain('<p>Private note</p>');
  });

  it('knows which chunk is an H2, and parses back to the tree it came from', () => {
    const body = serializeBody(part());
    expect(body.map((chunk) => chunk.h2)).toEqual(['storage', undefined, undefined, undefined]);
    expect(finishHtml(parseBody(body, 0), (n) => renderings[n]!)).toBe(finishHtml(part(), (n) => renderings[n]!));
    // A note numbers its links from 0; parsed for a page, they take the note's place in the vault.
    expect(finishHtml(parseBody(body, 10), (n) => renderings[n - 10]!)).toBe(finishHtml(part(), (n) => renderings[n]!));
  });

  it('leaves to the tree a placeholder it does not recognise, and anything with embeds', () => {
    const odd = '<p><a class="x" data-quire-link="3">S3</a></p>';
    expect(finishHtmlText(odd, (n) => renderings[n]!)).toBeUndefined();
    expect(needsTree(serializeBody({ type: 'root', children: [h('div', { dataQuireEmbed: '7' })] }))).toBe(true);
    expect(needsTree(serializeBody(part()))).toBe(false);
  });
});

describe('a note without HTML', () => {
  const vaults = path.join(import.meta.dirname, '..', 'fixtures');
  const treeOf = (text: string) => {
    const tree = parseMarkdown(text);
    let links = 0;
    visit(tree, (node: { type: string; data?: object }) => {
      if (node.type === 'wikiLink') node.data = { ...node.data, quireLink: links++, quireText: 'link' };
      if (node.type === 'wikiEmbed') node.data = { quireLink: links++, quireText: 'embed', hName: 'span', hProperties: { dataQuireEmbed: String(links - 1) }, hChildren: [] };
    });
    return tree;
  };

  it('renders as it would if its HTML were parsed again', () => {
    let compared = 0;
    for (const file of readdirSync(vaults, { recursive: true }).map(String).filter((name) => name.endsWith('.md'))) {
      const text = readFileSync(path.join(vaults, file), 'utf8');
      const parsedAgain = toHtml(renderToHast(treeOf(text), 'sanitize', true));
      expect(toHtml(renderToHast(treeOf(text))), file).toBe(parsedAgain);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('writes footnote attributes as the HTML parse does', () => {
    const html = toHtml(renderToHast(treeOf('Costs change.[^1]\n\n[^1]: Checked in 2024.\n')));
    expect(html).toContain('data-footnote-ref=""');
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
  });
});
