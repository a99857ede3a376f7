/** The query parameter that carries what was searched for to the page a result opens, to mark it there (highlight.ts). */
export const HIGHLIGHT_PARAM = 'highlight';
