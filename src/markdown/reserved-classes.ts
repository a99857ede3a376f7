/**
 * Why: the site's stylesheet and scripts find their own elements by class:
 * `.preview` is a box laid over the page, `.nav-open .sidebar` a fixed
 * menu, `pre.mermaid` a diagram the browser draws, `.math-inline` a formula
 * KaTeX renders, `.search-result-title` what search shows. A note that wrote
 * one of these classes in its HTML, or in its `cssclasses`, could cover or
 * rewire the page. These classes belong to Quire: a note's own HTML and
 * properties cannot give them, while any other class (for a CSS snippet)
 * stays. Each entry reserves the name and every name that continues it with
 * `-` (`callout` reserves `callout-tip`). tests/unit/markdown/reserved-classes.test.ts
 * checks that every class in the site's stylesheets, layouts and scripts is here.
 */
const RESERVED = new Set([
  // Page layout and navigation
  'layout', 'site', 'skip', 'menu', 'sidebar', 'nav', 'page', 'toc', 'breadcrumbs', 'chapter', 'theme', 'visually', 'sr', 'js', 'current',
  // What a page shows besides the note
  'note', 'section', 'empty', 'book', 'home', 'folder', 'tag', 'stub', 'service', 'passage', 'passages', 'backlink', 'backlinks', 'count', 'inline', 'kind', 'labelled',
  'property', 'read-next', 'moved',
  // Long lists continued on pages of their own (not `list`: `list-cards` is a common snippet class)
  'list-more', 'listed-under', 'pager',
  // Links, embeds and previews
  'internal', 'external', 'unresolved', 'attachment', 'embed', 'preview', 'near', 'highlighting',
  // Search and the graph
  'search', 'pagefind', 'graph', 'global', 'local', 'mutual', 'zoomed',
  // Canvases and bases, drawn by the model and enhanced by their scripts
  'canvas', 'base',
  // Rendered Markdown: callouts, tasks, footnotes, code, math, diagrams
  'callout', 'task', 'contains', 'footnotes', 'data', 'code', 'language', 'shiki', 'math', 'katex', 'mermaid',
  // Astro's own scoped styles
  'astro',
]);

/** Whether a class name is one of the site's own, which a note may not give. */
export function isReservedClass(name: string): boolean {
  const lower = name.toLowerCase();
  if (RESERVED.has(lower)) return true;
  for (let dash = lower.indexOf('-'); dash !== -1; dash = lower.indexOf('-', dash + 1)) {
    if (RESERVED.has(lower.slice(0, dash))) return true;
  }
  return false;
}
