import type { Href, Page, Slug, Vault } from '../vault/index.ts';

/** The kinds of page the graph shows; index pages such as tag pages are left out. */
export type GraphKind = 'book' | 'chapter' | 'note' | 'service' | 'stub';

export interface GraphNode {
  slug: Slug;
  title: string;
  href: Href;
  kind: GraphKind;
  /** How many pages it is linked with, either way. */
  degree: number;
}

/** Two pages linked either way, once per pair; `source` wrote the first link found. */
export interface GraphEdge {
  source: Slug;
  target: Slug;
  /** Each page links to the other. */
  mutual: boolean;
}

/** How a neighbour is linked with a page: the page links to it, it links to the page, or both. */
export type Direction = 'out' | 'in' | 'both';

export interface Graph {
  /** In the vault's page order. */
  nodes: GraphNode[];
  /** Undirected, deduplicated, in the order the links were first found. */
  edges: GraphEdge[];
  bySlug: ReadonlyMap<Slug, GraphNode>;
  /** Each page's neighbours, with the direction seen from that page. */
  neighbours: ReadonlyMap<Slug, ReadonlyMap<Slug, Direction>>;
}

export interface LocalNeighbour extends GraphNode {
  direction: Direction;
}

/** One page and the pages it is linked with. */
export interface LocalGraph {
  centre: GraphNode;
  /** Out first, then both, then in; within each, best connected first. */
  neighbours: LocalNeighbour[];
  /** The page's neighbours before the cap. */
  total: number;
}

const KINDS: ReadonlySet<string> = new Set<GraphKind>(['book', 'chapter', 'note', 'service', 'stub']);
/** Pages of the kinds above; index pages (tags, folders) are left out. */
const isGraphPage = (page: Page): page is Extract<Page, { kind: GraphKind }> => KINDS.has(page.kind);

/**
 * The pages of a vault and the links between them. An edge is a backlink
 * (a passage on one page linking to another), a passage naming a service,
 * which the page also lists among its services, or a book holding a chapter,
 * which its contents link to: a book is drawn with its chapters even where no
 * passage links them. Links from a page to itself are left out.
 * Deterministic: the order follows the model's.
 */
export function buildGraph(vault: Vault): Graph {
  const nodes: GraphNode[] = [];
  const bySlug = new Map<Slug, GraphNode>();
  const numberOf = new Map<Slug, number>();
  for (const page of vault.pages) {
    if (!isGraphPage(page)) continue;
    const node: GraphNode = { slug: page.slug, title: page.title, href: page.href, kind: page.kind, degree: 0 };
    numberOf.set(node.slug, nodes.length);
    nodes.push(node);
    bySlug.set(node.slug, node);
  }

  // Each pair of pages once, by their numbers: a hub's thousands of citations repeat a few pairs
  // many times, and a number is found faster than a key made of two slugs.
  const count = nodes.length;
  const edges: GraphEdge[] = [];
  const edgeOfPair = new Map<number, GraphEdge>();
  const link = (from: Slug, to: Slug) => {
    const a = numberOf.get(from);
    const b = numberOf.get(to);
    if (a === undefined || b === undefined || a === b) return;
    const pair = a < b ? a * count + b : b * count + a;
    const edge = edgeOfPair.get(pair);
    if (!edge) {
      const added = { source: from, target: to, mutual: false };
      edges.push(added);
      edgeOfPair.set(pair, added);
    } else if (edge.source === to) edge.mutual = true;
  };
  for (const page of vault.pages) {
    if (!isGraphPage(page)) continue;
    if (page.kind === 'book') for (const chapter of page.chapters ?? []) link(page.slug, chapter.slug);
    for (const backlink of page.backlinks) link(backlink.from.slug, page.slug);
    if (page.kind === 'service') for (const mention of page.mentions) link(mention.from.slug, page.slug);
  }
  // In the order each pair was first linked, as every page met its neighbours.
  const neighbours = new Map<Slug, Map<Slug, Direction>>(nodes.map((node) => [node.slug, new Map()]));
  for (const edge of edges) {
    neighbours.get(edge.source)!.set(edge.target, edge.mutual ? 'both' : 'out');
    neighbours.get(edge.target)!.set(edge.source, edge.mutual ? 'both' : 'in');
  }
  for (const node of nodes) node.degree = neighbours.get(node.slug)!.size;
  return { nodes, edges, bySlug, neighbours };
}

const DIRECTION_ORDER: Record<Direction, number> = { out: 0, both: 1, in: 2 };

/**
 * A page and what it links to and what links to it, at most `limit` pages
 * in all: the page itself always, then its best-connected neighbours.
 * Undefined for a page the graph leaves out, such as a tag page.
 */
export function localGraph(graph: Graph, slug: Slug, limit = 24): LocalGraph | undefined {
  const centre = graph.bySlug.get(slug);
  if (!centre) return undefined;
  const around = [...graph.neighbours.get(slug)!].map(([other, direction]) => ({ ...graph.bySlug.get(other)!, direction }));
  const kept = around
    .sort((a, b) => b.degree - a.degree || a.title.localeCompare(b.title) || (a.slug < b.slug ? -1 : 1))
    .slice(0, Math.max(0, limit - 1))
    .sort((a, b) => DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || b.degree - a.degree || a.title.localeCompare(b.title) || (a.slug < b.slug ? -1 : 1));
  return { centre, neighbours: kept, total: around.length };
}
