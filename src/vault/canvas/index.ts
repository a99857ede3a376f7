/**
 * Obsidian canvases (`.canvas`, JSON Canvas 1.0). Three steps, each a plain
 * function:
 *
 *   const { canvas, problems } = parseCanvas(text, file);   // validate
 *   const layout = layoutCanvas(canvas);                    // place
 *   const element = renderCanvas(layout, { title, idPrefix, content });  // draw
 *
 * and `canvasLinks(canvas)` for what the canvas links to.
 */
export { parseCanvas } from './parse.ts';
export { layoutCanvas, type CanvasLayout, type PlacedEdge, type PlacedNode } from './layout.ts';
export { readingOrder, type ReadingItem } from './reading-order.ts';
export { renderCanvas, type CanvasRenderOptions } from './render.ts';
export { canvasLinks, type CanvasLinks } from './links.ts';
export { nodeName, fileLabel } from './names.ts';
export type { Box, Curve, Point } from './geometry.ts';
export type * from './types.ts';
