/**
 * Zooming and panning a canvas's picture (src/vault/canvas/render.ts). The
 * picture reads without it, scaled to the column; this adds buttons (−, +,
 * Fit), Ctrl or ⌘ + wheel and a trackpad or two-finger pinch to zoom about
 * the pointer, and dragging to pan. The arrow keys pan the focused picture
 * without it, as they scroll any box; with it, + − and 0 zoom too.
 *
 * Zoom is the scale canvas.css gives the stage (--canvas-scale); panning is
 * the viewport's scroll position, so it stops at the canvas's edges.
 */

const STEP = 1.25;

export function enhanceCanvas(figure: HTMLElement): void {
  const viewport = figure.querySelector<HTMLElement>('.canvas-viewport');
  const sizer = figure.querySelector<HTMLElement>('.canvas-sizer');
  const stage = figure.querySelector<HTMLElement>('.canvas-stage');
  if (!viewport || !sizer || !stage || figure.classList.contains('canvas-enhanced')) return;
  figure.classList.add('canvas-enhanced');

  /** The scale in use: canvas.css's fitted one until the reader zooms. */
  const currentScale = () => new DOMMatrixReadOnly(getComputedStyle(stage).transform).a || 1;
  /**
   * The scale that shows the whole canvas, worked out as canvas.css does
   * (measuring it would reset the scroll position). canvas.css stops at 0.3,
   * where text can still be made out; zooming out and Fit go all the way.
   */
  const size = (name: string) => parseFloat(getComputedStyle(figure).getPropertyValue(name)) || 1;
  const wholeCanvas = () => Math.min(1, (figure.clientWidth - 2) / size('--canvas-w'), (0.75 * window.innerHeight) / size('--canvas-h'));
  const limits = () => ({ min: Math.min(wholeCanvas(), 0.3) / 1.5, max: 2 });

  /** Zooms by `factor`, keeping the canvas point under (clientX, clientY) where it is. */
  const zoomBy = (factor: number, clientX?: number, clientY?: number) => {
    const view = viewport.getBoundingClientRect();
    const x = clientX ?? view.left + view.width / 2;
    const y = clientY ?? view.top + view.height / 2;
    const before = sizer.getBoundingClientRect();
    const scale = currentScale();
    const point = { x: (x - before.left) / scale, y: (y - before.top) / scale };
    const { min, max } = limits();
    const next = Math.min(max, Math.max(min, scale * factor));
    if (next === scale) return;
    viewport.style.setProperty('--canvas-scale', String(next));
    const after = sizer.getBoundingClientRect();
    viewport.scrollLeft += after.left + point.x * next - x;
    viewport.scrollTop += after.top + point.y * next - y;
    update();
  };
  const fit = () => {
    const whole = wholeCanvas();
    if (whole < 0.3) viewport.style.setProperty('--canvas-scale', String(whole));
    else viewport.style.removeProperty('--canvas-scale');
    viewport.scrollTo(0, 0);
    update();
  };

  const controls = document.createElement('div');
  controls.className = 'canvas-controls';
  const button = (label: string, text: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', action);
    controls.append(element);
    return element;
  };
  const out = button('Zoom out', '−', () => zoomBy(1 / STEP));
  const into = button('Zoom in', '+', () => zoomBy(STEP));
  button('Fit the canvas to the view', 'Fit', fit);
  const hint = document.createElement('span');
  hint.textContent = 'Drag to move; Ctrl + scroll or pinch to zoom.';
  controls.append(hint);
  viewport.before(controls);
  const update = () => {
    const { min, max } = limits();
    const scale = currentScale();
    out.disabled = scale <= min + 1e-6;
    into.disabled = scale >= max - 1e-6;
  };
  update();

  viewport.addEventListener(
    'wheel',
    (event) => {
      // Plain scrolling pans (the viewport scrolls) or scrolls the page; Ctrl + wheel and a trackpad pinch zoom.
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomBy(Math.exp(-event.deltaY * 0.002), event.clientX, event.clientY);
    },
    { passive: false },
  );

  viewport.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = { '+': () => zoomBy(STEP), '=': () => zoomBy(STEP), '-': () => zoomBy(1 / STEP), '0': fit }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  // Pointers: one drags, two pinch. A drag that ends on a link does not follow it.
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = false;
  let draggedAt = -Infinity;
  let pinch: number | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (event.pointerType === 'mouse') {
      // No text selection or image dragging while panning; the viewport still takes focus for the keys.
      event.preventDefault();
      viewport.focus({ preventScroll: true });
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    moved = false;
    pinch = undefined;
  });
  viewport.addEventListener('pointermove', (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) {
      viewport.setPointerCapture(event.pointerId);
      figure.classList.add('canvas-dragging');
    }
    moved = true;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size >= 2) {
      const [a, b] = [...pointers.values()];
      const apart = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      if (pinch) zoomBy(apart / pinch, (a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
      pinch = apart;
      return;
    }
    viewport.scrollLeft -= dx;
    viewport.scrollTop -= dy;
  });
  const end = (event: PointerEvent) => {
    if (!pointers.delete(event.pointerId)) return;
    if (moved) draggedAt = performance.now();
    if (pointers.size < 2) pinch = undefined;
    if (pointers.size === 0) figure.classList.remove('canvas-dragging');
  };
  viewport.addEventListener('pointerup', end);
  viewport.addEventListener('pointercancel', end);
  viewport.addEventListener('click', (event) => performance.now() - draggedAt < 100 && event.preventDefault(), { capture: true });
}

/** Enhances every canvas on the page. */
export function enhanceCanvases(root: ParentNode = document): void {
  // A canvas drawn in a card of another canvas's picture is part of that picture: it zooms with it.
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-canvas]')) if (!figure.parentElement?.closest('.canvas-stage')) enhanceCanvas(figure);
}
