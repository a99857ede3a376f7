import { layoutGraph, type GraphLayout } from './layout-global.ts';
import { placeLocalGraph, sizeLocalGraph, type LocalLayout, type SizedLocalGraph } from './layout-local.ts';
import { buildGraph, localGraph, type Graph } from './build-graph.ts';
import type { Slug, Vault } from '../vault/index.ts';

interface Cached {
  graph: Graph;
  layout?: GraphLayout;
  /** Each page's local graph, sized for its cache key, then placed for its page if it is rendered. */
  sized: Map<Slug, SizedLocalGraph | undefined>;
}

/** Keyed on the model, so a rebuilt vault (a note changed in `astro dev`) gets a new graph. */
const cache = ((globalThis as Record<symbol, WeakMap<Vault, Cached> | undefined>)[Symbol.for('quire.graphs')] ??= new WeakMap());

function cachedFor(vault: Vault): Cached {
  let cached = cache.get(vault);
  if (!cached) {
    cached = { graph: buildGraph(vault), sized: new Map() };
    cache.set(vault, cached);
  }
  return cached;
}

/** The vault's graph, built once per model. */
export function siteGraph(vault: Vault): Graph {
  return cachedFor(vault).graph;
}

/** The whole graph, placed: the force layout runs once per model, for the /graph/ page. */
export function globalLayout(vault: Vault): GraphLayout {
  const cached = cachedFor(vault);
  cached.layout ??= layoutGraph(cached.graph);
  return cached.layout;
}

/** What a page's local graph is drawn from (see layout-local.ts); undefined for a page the graph leaves out (tag pages). */
export function sizedLocalGraph(vault: Vault, slug: Slug, limit?: number): SizedLocalGraph | undefined {
  const cached = cachedFor(vault);
  if (limit === undefined && cached.sized.has(slug)) return cached.sized.get(slug);
  const local = localGraph(cached.graph, slug, limit);
  const sized = local && sizeLocalGraph(local);
  if (limit === undefined) cached.sized.set(slug, sized);
  return sized;
}

/** A page's neighbours, placed around it; undefined for a page the graph leaves out (tag pages). */
export function localLayout(vault: Vault, slug: Slug, limit?: number): LocalLayout | undefined {
  const sized = sizedLocalGraph(vault, slug, limit);
  return sized && placeLocalGraph(sized);
}
