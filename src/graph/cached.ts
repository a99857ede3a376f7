import { layoutGraph, type GraphLayout } from './layout-global.ts';
import { layoutLocalGraph, type LocalLayout } from './layout-local.ts';
import { buildGraph, localGraph, type Graph } from './build-graph.ts';
import type { Slug, Vault } from '../vault/index.ts';

interface Cached {
  graph: Graph;
  layout?: GraphLayout;
  /** Each page's local graph is placed once: for its cache key, then for its page. */
  local: Map<Slug, LocalLayout | undefined>;
}

/** Keyed on the model, so a rebuilt vault (a note changed in `astro dev`) gets a new graph. */
const cache = ((globalThis as Record<symbol, WeakMap<Vault, Cached> | undefined>)[Symbol.for('quire.graphs')] ??= new WeakMap());

function cachedFor(vault: Vault): Cached {
  let cached = cache.get(vault);
  if (!cached) {
    cached = { graph: buildGraph(vault), local: new Map() };
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

/** A page's neighbours, placed around it; undefined for a page the graph leaves out (tag pages). */
export function localLayout(vault: Vault, slug: Slug, limit?: number): LocalLayout | undefined {
  const cached = cachedFor(vault);
  if (limit === undefined && cached.local.has(slug)) return cached.local.get(slug);
  const local = localGraph(cached.graph, slug, limit);
  const layout = local && layoutLocalGraph(local);
  if (limit === undefined) cached.local.set(slug, layout);
  return layout;
}
