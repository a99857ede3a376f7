import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { finishHtml, finishHtmlText, needsTree, parseBody, serializeBody, type LinkRendering } from '../../src/vault/render.ts';

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
