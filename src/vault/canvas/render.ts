/**
 * A canvas as HTML (a hast tree): the picture, and the same nodes as a list
 * in reading order. The same element serves a canvas's own page and a
 * canvas embedded in a note (`![[Map.canvas]]`). canvas.css lays it out:
 * the picture scaled to fit the column on a wide screen, the list instead
 * on a narrow one; src/scripts/canvas.ts adds zooming and panning.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CanvasLayout } from './layout.ts';
import { renderOutline } from './render-outline.ts';
import { renderPicture } from './render-picture.ts';
import { figureId, nodeContent, px, type CanvasRenderOptions } from './render-parts.ts';

export type { CanvasRenderOptions } from './render-parts.ts';

/**
 * `<figure class="canvas">` holding the picture (`.canvas-viewport`), a link
 * between the two views, and the list (`ol.canvas-outline`). The figure
 * carries the canvas's size as `--canvas-w` and `--canvas-h`, from which the
 * stylesheet works out the scale. An empty canvas says so. `data-canvas`
 * holds the prefix of the ids inside, and each item of the list its node's
 * number (`data-canvas-node`), so that a copy of the figure shown elsewhere
 * (an embed, whose copies keep no ids) can be given ids of its own.
 */
export function renderCanvas(layout: CanvasLayout, options: CanvasRenderOptions): Element {
  const id = figureId(options);
  const { bounds } = layout;
  const figure = (children: ElementContent[]) =>
    h('figure', { className: ['canvas'], id, ariaLabel: options.title, dataCanvas: id, style: `--canvas-w:${px(bounds.width)};--canvas-h:${px(bounds.height)};` }, children);
  if (layout.nodes.length === 0) return figure([h('p', { className: ['canvas-empty'] }, 'This canvas is empty.')]);

  const contents = layout.nodes.map((placed) => nodeContent(placed.node, options));
  const pictureId = `${id}-picture`;
  const outlineId = `${id}-list`;
  return figure([
    renderPicture(layout, options, contents, pictureId),
    h('p', { className: ['canvas-switch'] }, [
      h('a', { className: ['canvas-to-list'], href: `#${outlineId}` }, 'Read the cards one by one'),
      h('a', { className: ['canvas-to-picture'], href: `#${pictureId}` }, 'See the canvas as a picture'),
    ]),
    renderOutline(layout, options, contents, outlineId),
  ]);
}
