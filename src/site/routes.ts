/**
 * What the site's own pages and files take, which the model must leave to
 * them: it is given these lists rather than knowing the layout.
 */

/** Addresses of the site's own pages (src/pages/) and of what the build writes beside them: a note called `Tags` gets `tags-2`. */
export const RESERVED_SLUGS = ['tags', 'stubs', 'services', 'folders', 'graph', 'search', '404', 'pagefind', '_astro', 'attachments'];

/**
 * Element ids that the layout of a hub or stub page uses itself (the base layout's `content`, the contents
 * list's `toc-heading`, the passage lists' headings, src/site/page-meta.ts's FEATURES_ID), which the ids of its sections must not take.
 */
export const LAYOUT_IDS = ['linked-from', 'sub-features', 'read-next', 'backlinks', 'contents', 'toc-heading', 'content'];
