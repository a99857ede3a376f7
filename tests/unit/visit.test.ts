import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node, Parent } from 'unist';
import * as reference from 'unist-util-visit';
import * as referenceParents from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { SKIP, EXIT, visit, visitParents, type VisitResult } from '../../src/markdown/visit.ts';
import { parseMarkdown } from '../../src/vault/prepare/markdown.ts';
import { renderToHast } from '../../src/vault/prepare/render.ts';

/**
 * Quire walks trees with its own `visit`; these tests walk the trees of
 * real notes with it and with unist-util-visit, with visitors that skip,
 * stop, jump and change the tree, and expect the same visits and the same
 * trees.
 */
const vaults = path.join(import.meta.dirname, '..', 'fixtures');
const notes = readdirSync(vaults, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(vaults, file), 'utf8') }));

type Trees = () => Node;
const treesOf = (text: string): Record<string, Trees> => ({
  mdast: () => parseMarkdown(text),
  hast: () => {
    const tree = parseMarkdown(text);
    // Numbered as the model numbers them, which rendering expects.
    let links = 0;
    reference.visit(tree, (node) => {
      if (node.type !== 'wikiLink' && node.type !== 'wikiEmbed') return;
      node.data = { ...node.data, quireLink: links++, quireText: 'link' } as never;
      if (node.type === 'wikiEmbed') Object.assign(node.data!, { hName: 'span', hChildren: [] });
    });
    return renderToHast(tree) as unknown as Node;
  },
});

/** A visitor that does a bit of everything, by position in the walk, and writes down what it saw. */
function busyVisitor(seen: string[]) {
  let count = 0;
  return (node: Node, index: number | undefined, parent: Parent | undefined): VisitResult => {
    count++;
    seen.push(`${node.type}@${index ?? '-'} in ${parent?.type ?? '-'}`);
    if (count % 7 === 0) return SKIP;
    // Replace a text node by two, and go on after them.
    if (count % 11 === 0 && parent && index !== undefined && node.type === 'text') {
      parent.children.splice(index, 1, { type: 'text', value: 'a' } as Node, { type: 'text', value: 'b' } as Node);
      return [SKIP, index + 2];
    }
    // Remove a node and visit what took its place.
    if (count % 13 === 0 && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (count === 400) return EXIT;
    return undefined;
  };
}

describe('visit', () => {
  it('walks real notes as unist-util-visit does', () => {
    expect(notes.length).toBeGreaterThan(20);
    let visits = 0;
    for (const { file, text } of notes) {
      for (const [kind, tree] of Object.entries(treesOf(text))) {
        for (const type of [undefined, 'text', 'element', 'paragraph', 'wikiLink']) {
          const [ours, theirs] = [tree(), tree()];
          const seenOurs: string[] = [];
          const seenTheirs: string[] = [];
          if (type) {
            visit(ours, type, busyVisitor(seenOurs));
            reference.visit(theirs, type, busyVisitor(seenTheirs) as never);
          } else {
            visit(ours, busyVisitor(seenOurs));
            reference.visit(theirs, busyVisitor(seenTheirs) as never);
          }
          expect(seenOurs, `${file}, ${kind}, ${type ?? 'every node'}`).toEqual(seenTheirs);
          expect(ours, `${file}, ${kind}, ${type ?? 'every node'}`).toEqual(theirs);
          visits += seenOurs.length;
        }
      }
    }
    expect(visits).toBeGreaterThan(2_000);
  });

  it('gives each node its ancestors as unist-util-visit-parents does', () => {
    for (const { file, text } of notes) {
      for (const [kind, tree] of Object.entries(treesOf(text))) {
        const seenOurs: string[] = [];
        const seenTheirs: string[] = [];
        const record = (seen: string[]) => (node: Node, ancestors: readonly Node[]) => {
          seen.push(`${node.type} under ${ancestors.map((a) => a.type).join('/')}`);
          return node.type === 'blockquote' || node.type === 'table' ? SKIP : undefined;
        };
        visitParents(tree(), record(seenOurs));
        referenceParents.visitParents(tree(), record(seenTheirs) as never);
        expect(seenOurs, `${file}, ${kind}`).toEqual(seenTheirs);
      }
    }
  });

  it('stops at EXIT however deep it is', () => {
    const tree = parseMarkdown('# One\n\n> quoted *deep **deeper***\n\nafter');
    const seen: string[] = [];
    visit(tree, (node: Node) => {
      seen.push(node.type);
      return node.type === 'strong' ? EXIT : undefined;
    });
    expect(seen).toEqual(['root', 'heading', 'text', 'blockquote', 'paragraph', 'text', 'emphasis', 'text', 'strong']);
  });
});
