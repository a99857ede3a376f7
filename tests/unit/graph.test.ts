import { beforeAll, describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/graph/layout-global.ts';
import { placeLocalGraph, sizeLocalGraph } from '../../src/graph/layout-local.ts';
import { shortTitle } from '../../src/graph/placing.ts';
import { globalLayout, localLayout, siteGraph } from '../../src/graph/cached.ts';
import { buildGraph, localGraph, type Graph, type GraphKind, type LocalGraph } from '../../src/graph/build-graph.ts';
import type { Href, Slug, Vault } from '../../src/vault/index.ts';
import { fixture, shippedVault, vaultOf } from '../helpers/fixtures.ts';

const slug = (text: string) => text as Slug;
const CHAPTER = (n: number, title: string) => `data-science-on-aws/chapter-${n}-${title}`;
const CHAPTER_1 = CHAPTER(1, 'introduction-to-data-science-on-aws');
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

let links: Vault;
let shipped: Vault;
let linksGraph: Graph;
let shippedGraph: Graph;
beforeAll(async () => {
  [links, shipped] = await Promise.all([vaultOf(fixture('links-vault')), vaultOf(shippedVault)]);
  linksGraph = buildGraph(links);
  shippedGraph = buildGraph(shipped);
});

describe('the graph', () => {
  it('has a node for every note, chapter, book, service and stub, in the vault’s order', () => {
    const kinds = new Set(['note', 'chapter', 'book', 'service', 'stub']);
    const expected = links.pages.filter((page) => kinds.has(page.kind));
    expect(linksGraph.nodes.map((node) => node.slug)).toEqual(expected.map((page) => page.slug));
    expect(linksGraph.bySlug.get(slug('stubs/field-guid'))).toMatchObject({ kind: 'stub', title: 'Field Guid', href: '/stubs/field-guid/' });
    expect(linksGraph.bySlug.get(slug('field-guide'))?.kind).toBe('book');
    expect(linksGraph.bySlug.get(slug('field-guide/part-1-forests'))?.kind).toBe('chapter');
    expect(linksGraph.nodes.some((node) => node.slug.startsWith('tags/'))).toBe(false);
  });

  it('has one edge per linked pair of pages, however many links and in whichever direction', () => {
    const keys = linksGraph.edges.map((edge) => [edge.source, edge.target].sort().join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    // Home links to Aliased twice: one edge.
    expect(linksGraph.edges.filter((edge) => edge.source === 'home' && edge.target === 'aliased')).toHaveLength(1);
    // Home and Blocks link to each other: one edge, marked mutual.
    const between = linksGraph.edges.filter((edge) => [edge.source, edge.target].sort().join(' ') === 'blocks home');
    expect(between).toEqual([{ source: 'home', target: 'blocks', mutual: true }]);
  });

  it('leaves out links from a page to itself', () => {
    expect(linksGraph.edges.filter((edge) => edge.source === edge.target)).toEqual([]);
    expect(linksGraph.neighbours.get(slug('home'))?.has(slug('home'))).toBe(false);
  });

  it('counts each node’s neighbours as its degree', () => {
    for (const node of linksGraph.nodes) expect(node.degree).toBe(linksGraph.neighbours.get(node.slug)!.size);
    expect(linksGraph.bySlug.get(slug('home'))?.degree).toBe(6);
  });

  it('links the shipped vault’s Chapter 1 to Amazon SageMaker and to Chapters 4, 5 and 6', () => {
    const around = shippedGraph.neighbours.get(slug(CHAPTER_1))!;
    expect(shippedGraph.bySlug.get(slug('services/amazon-sagemaker'))?.kind).toBe('service');
    expect(around.get(slug('services/amazon-sagemaker'))).toBe('out');
    for (const chapter of [CHAPTER(4, 'ingest-data-into-the-cloud'), CHAPTER(5, 'explore-the-dataset'), CHAPTER(6, 'prepare-the-dataset-for-model-training')]) {
      expect(around.get(slug(chapter))).toBe('out');
      expect(shippedGraph.neighbours.get(slug(chapter))?.get(slug(CHAPTER_1))).toBe('in');
    }
  });

  it('joins a book to each of its chapters, so that no chapter floats alone', () => {
    const book = shippedGraph.neighbours.get(slug('data-science-on-aws'))!;
    for (let n = 1; n <= 12; n++) {
      const chapter = shippedGraph.nodes.find((node) => node.slug.startsWith(`data-science-on-aws/chapter-${n}-`))!;
      expect(book.get(chapter.slug), chapter.title).toBe('out');
      expect(chapter.degree).toBeGreaterThan(0);
    }
  });

  it('counts a passage naming a service as a link to it', () => {
    // Chapter 1 names Savings Plans without linking to it.
    expect(shippedGraph.neighbours.get(slug(CHAPTER_1))?.get(slug('services/savings-plans'))).toBe('out');
  });
});

describe('a page’s local graph', () => {
  it('has the page, what it links to and what links to it, each with its direction', () => {
    const local = localGraph(linksGraph, slug('home'))!;
    expect(local.centre.slug).toBe('home');
    expect(local.total).toBe(6);
    expect(Object.fromEntries(local.neighbours.map((n) => [n.slug, n.direction]))).toEqual({
      aliased: 'out',
      'field-guide': 'out',
      'other/note': 'out',
      'stubs/field-guid': 'out',
      blocks: 'both',
      'field-guide/part-2-rivers-and-lakes': 'both',
    });
    const part2 = localGraph(linksGraph, slug('field-guide/part-2-rivers-and-lakes'))!;
    expect(Object.fromEntries(part2.neighbours.map((n) => [n.slug, n.direction]))).toEqual({
      home: 'both',
      'field-guide': 'in',
      'field-guide/part-1-forests': 'in',
      'mdx/component-note': 'in',
    });
  });

  it('lists pages it links to, then both ways, then pages linking to it', () => {
    const order = { out: 0, both: 1, in: 2 };
    for (const node of linksGraph.nodes) {
      const directions = localGraph(linksGraph, node.slug)!.neighbours.map((n) => order[n.direction]);
      expect(directions).toEqual([...directions].sort());
    }
  });

  it('keeps the page and its best-connected neighbours within the limit', () => {
    const local = localGraph(linksGraph, slug('home'), 3)!;
    expect(local.total).toBe(6);
    expect(local.neighbours).toHaveLength(2);
    const degrees = localGraph(linksGraph, slug('home'))!.neighbours.map((n) => n.degree).sort((a, b) => b - a);
    expect(local.neighbours.map((n) => n.degree).sort((a, b) => b - a)).toEqual(degrees.slice(0, 2));
    expect(localGraph(linksGraph, slug('home'), 1)!.neighbours).toEqual([]);
  });

  it('is undefined for pages the graph leaves out', () => {
    const tag = links.pages.find((page) => page.kind === 'tag')!;
    expect(localGraph(linksGraph, tag.slug)).toBeUndefined();
    expect(localGraph(linksGraph, slug('no/such/page'))).toBeUndefined();
  });
});

describe('the global layout', () => {
  it('is the same every time, for the same vault', async () => {
    const again = buildGraph(await vaultOf(shippedVault));
    expect(layoutGraph(again)).toEqual(layoutGraph(shippedGraph));
    expect(layoutGraph(linksGraph)).toEqual(layoutGraph(linksGraph));
  });

  it('places every node at a finite spot inside the viewBox', () => {
    for (const graph of [linksGraph, shippedGraph]) {
      const { nodes, viewBox } = layoutGraph(graph);
      expect(nodes).toHaveLength(graph.nodes.length);
      for (const node of nodes) {
        expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
        expect(node.x - node.r).toBeGreaterThanOrEqual(viewBox.x);
        expect(node.x + node.r).toBeLessThanOrEqual(viewBox.x + viewBox.width);
        expect(node.y - node.r).toBeGreaterThanOrEqual(viewBox.y);
        expect(node.y + node.r).toBeLessThanOrEqual(viewBox.y + viewBox.height);
      }
    }
  });

  it('draws services apart from chapters and notes', () => {
    const { nodes } = layoutGraph(shippedGraph);
    const services = nodes.filter((node) => node.kind === 'service').map((node) => node.x);
    const others = nodes.filter((node) => node.kind === 'chapter' || node.kind === 'note').map((node) => node.x);
    expect(services.length).toBeGreaterThan(5);
    expect(mean(services) - mean(others)).toBeGreaterThan(50);
  });

  it('draws each edge between its two nodes', () => {
    const { nodes, edges } = layoutGraph(shippedGraph);
    const at = new Map(nodes.map((node) => [node.slug, node]));
    expect(edges).toHaveLength(shippedGraph.edges.length);
    for (const edge of edges) {
      expect([edge.x1, edge.y1]).toEqual([at.get(edge.source)!.x, at.get(edge.source)!.y]);
      expect([edge.x2, edge.y2]).toEqual([at.get(edge.target)!.x, at.get(edge.target)!.y]);
    }
  });

  it('keeps only the best-connected pages of a graph over the limit, and says how many there were', () => {
    const layout = layoutGraph(shippedGraph, { limit: 5 });
    expect(layout.total).toBe(shippedGraph.nodes.length);
    expect(layout.nodes).toHaveLength(5);
    expect(layout.nodes.map((node) => node.slug)).toContain(CHAPTER_1);
    const kept = new Set(layout.nodes.map((node) => node.slug));
    for (const edge of layout.edges) expect(kept.has(edge.source) && kept.has(edge.target)).toBe(true);
  });

  it('keeps fewer pages when their links would pass the limit on links', () => {
    const layout = layoutGraph(shippedGraph, { edgeLimit: 5 });
    expect(layout.edges).toHaveLength(5);
    expect(layout.nodes.map((node) => node.slug)).toContain(CHAPTER_1);
    expect(layout.nodes.length).toBeLessThan(layout.total);
  });

  it('names every page of a small graph, and only the best connected of a large one', () => {
    expect(layoutGraph(shippedGraph).nodes.every((node) => node.labelled)).toBe(true);
    const labelled = layoutGraph(shippedGraph, { labels: 3 }).nodes.filter((node) => node.labelled);
    expect(labelled.map((node) => node.slug)).toContain(CHAPTER_1);
    expect(labelled).toHaveLength(3);
  });

  it('lays out an empty graph', () => {
    const layout = layoutGraph({ nodes: [], edges: [], bySlug: new Map(), neighbours: new Map() });
    expect(layout.nodes).toEqual([]);
    expect(layout.viewBox.width).toBeGreaterThan(0);
  });
});

/** A local graph sized and placed, as a page that renders draws it. */
const layoutLocalGraph = (local: LocalGraph) => placeLocalGraph(sizeLocalGraph(local));

describe('the local layout', () => {
  it('puts the page in the middle, what it links to on the right and what links to it on the left', () => {
    const layout = layoutLocalGraph(localGraph(linksGraph, slug('field-guide/part-2-rivers-and-lakes'))!);
    expect([layout.centre.x, layout.centre.y]).toEqual([0, 0]);
    for (const node of layout.neighbours) {
      if (node.direction === 'out') expect(node.side).toBe('right');
      if (node.direction === 'in') expect(node.side).toBe('left');
      expect(Math.sign(node.x)).toBe(node.side === 'right' ? 1 : -1);
    }
    // Part 2 links only to Home, both ways: it fills the empty right side.
    expect(layout.neighbours.find((n) => n.slug === 'home')?.side).toBe('right');
    expect(layout.edges.map((edge) => edge.target)).toEqual(layout.neighbours.map((n) => n.slug));
  });

  it('keeps every node inside its viewBox, apart from one another, the same every time', () => {
    const local = localGraph(shippedGraph, slug(CHAPTER_1))!;
    const layout = layoutLocalGraph(local);
    expect(layoutLocalGraph(local)).toEqual(layout);
    expect(layout.neighbours.length).toBe(Math.min(23, local.total));
    const { x, y, width, height } = layout.viewBox;
    for (const node of [layout.centre, ...layout.neighbours]) {
      expect(node.x - node.r).toBeGreaterThanOrEqual(x);
      expect(node.x + node.r).toBeLessThanOrEqual(x + width);
      expect(node.y - node.r).toBeGreaterThanOrEqual(y);
      expect(node.y + node.r).toBeLessThanOrEqual(y + height);
    }
    for (const side of ['left', 'right'] as const) {
      const ys = layout.neighbours.filter((n) => n.side === side).map((n) => n.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('what a local graph is drawn from', () => {
  const node = (name: string, degree: number, kind: GraphKind = 'note') => ({ slug: slug(name), title: name, href: `/${name}/` as Href, kind, degree });
  const graph = (scale: number): LocalGraph => ({
    centre: node('page', 2 * scale),
    neighbours: [
      { ...node('hub', 4 * scale, 'service'), direction: 'out' },
      { ...node('other', scale), direction: 'in' },
    ],
    total: 2,
  });

  it('sizes each node by its degree against the best-connected one drawn, and keeps no degree', () => {
    const sized = sizeLocalGraph(graph(1));
    expect(sized.neighbours.map((n) => [n.slug, n.r])).toEqual([['hub', 9], ['other', 6]]);
    // The page is drawn a little larger than a neighbour of its degree would be.
    expect(sized.centre.r).toBe(7.2 + 2);
    expect(JSON.stringify(sized)).not.toContain('degree');
  });

  it('is the same when degrees change in proportion, as the drawing is: a page keeps its cache key', () => {
    expect(sizeLocalGraph(graph(3))).toEqual(sizeLocalGraph(graph(1)));
    expect(placeLocalGraph(sizeLocalGraph(graph(3)))).toEqual(layoutLocalGraph(graph(1)));
    expect(sizeLocalGraph({ ...graph(1), total: 3 })).not.toEqual(sizeLocalGraph(graph(1)));
  });
});

describe('the site’s graph', () => {
  it('is built and laid out once per vault model', async () => {
    const vault = await vaultOf(fixture('links-vault'));
    expect(siteGraph(vault)).toBe(siteGraph(vault));
    expect(globalLayout(vault)).toBe(globalLayout(vault));
    expect(globalLayout(vault)).toEqual(layoutGraph(buildGraph(vault)));
  });

  it('places a page’s neighbours, and nothing for a tag page', () => {
    expect(localLayout(links, slug('home'))?.neighbours).toHaveLength(6);
    expect(localLayout(links, slug('home'), 3)?.neighbours).toHaveLength(2);
    expect(localLayout(links, links.pages.find((page) => page.kind === 'tag')!.slug)).toBeUndefined();
  });
});

describe('shortTitle', () => {
  it.each([
    ['Amazon S3', 28, 'Amazon S3'],
    ['Chapter 6: Prepare the Dataset for Model Training', 28, 'Chapter 6: Prepare the…'],
    ['Supercalifragilisticexpialidocious', 10, 'Supercali…'],
  ])('shortens “%s” to %i characters', (title, max, expected) => {
    expect(shortTitle(title, max)).toBe(expected);
    expect(shortTitle(title, max).length).toBeLessThanOrEqual(max);
  });
});
