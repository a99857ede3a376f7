import type { MermaidConfig } from 'mermaid';

/**
 * How diagrams are drawn. A diagram is a note's text, as untrusted as its
 * HTML: Mermaid's strict security level encodes the tags in labels and turns
 * off `click` callbacks and links to `javascript:`; labels are drawn as SVG
 * text, never as HTML inside a `<foreignObject>`. A diagram may carry its own
 * configuration (`%%{init: …}%%` or frontmatter); the keys listed in `secure`
 * are the ones it cannot change: the security level, HTML labels, and the
 * theme's CSS and fonts, which would otherwise let it lay the drawing over
 * the page or fetch a stylesheet from elsewhere.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'themeCSS', 'themeVariables', 'fontFamily', 'altFontFamily'],
} as const satisfies MermaidConfig;
