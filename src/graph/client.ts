/**
 * Optional extras for the /graph/ page: pointing at or focusing a node
 * highlights its neighbours, and the view can be zoomed (buttons, Ctrl +
 * wheel or a pinch) and dragged. Zooming spreads the pages apart while their
 * circles and labels keep their size on screen (12 px labels, whatever the
 * zoom or the screen), and once zoomed in far enough every page is named.
 * The graph reads and works without it.
 */

/** How far in the view must be zoomed before every page is named. */
const NAME_ALL_FROM = 2.5;
export function enhanceGraph(svg: SVGSVGElement): void {
  const nodes = [...svg.querySelectorAll<SVGAElement>('.graph-node')];
  const lines = [...svg.querySelectorAll<SVGLineElement>('.graph-edges line')];
  const around = nodes.map(() => [] as number[]);
  lines.forEach((line, i) => {
    const [a, b] = (line.dataset.ends ?? '').split(' ').map(Number);
    if (a === undefined || b === undefined || !nodes[a] || !nodes[b]) return;
    around[a]!.push(i);
    around[b]!.push(i);
  });
  const nodeIndex = new Map(nodes.map((node, i) => [node, i]));

  let lit: Element[] = [];
  const clear = () => {
    for (const element of lit) element.classList.remove('near');
    lit = [];
    svg.classList.remove('highlighting');
  };
  const highlight = (target: EventTarget | null) => {
    const node = target instanceof Element ? target.closest<SVGAElement>('.graph-node') : null;
    const i = node ? nodeIndex.get(node) : undefined;
    clear();
    if (i === undefined) return;
    lit.push(nodes[i]!);
    for (const e of around[i]!) {
      const line = lines[e]!;
      lit.push(line);
      for (const end of (line.dataset.ends ?? '').split(' ')) lit.push(nodes[Number(end)]!);
    }
    for (const element of lit) element.classList.add('near');
    svg.classList.add('highlighting');
  };
  svg.addEventListener('pointerover', (event) => highlight(event.target));
  svg.addEventListener('pointerleave', clear);
  svg.addEventListener('focusin', (event) => highlight(event.target));
  svg.addEventListener('focusout', clear);

  // Zoom and pan by moving the viewBox.
  const original = svg.getAttribute('viewBox') ?? '';
  const home = svg.viewBox.baseVal;
  const start = { x: home.x, y: home.y, width: home.width, height: home.height };
  const view = { ...start };
  // The marks are drawn at --unit viewBox units a pixel: as many as one screen pixel spans now.
  const scale = () => {
    const width = svg.getBoundingClientRect().width;
    if (width > 0) svg.style.setProperty('--unit', String(Math.max(view.width / width, view.height / (svg.getBoundingClientRect().height || width))));
    svg.classList.toggle('zoomed', start.width / view.width >= NAME_ALL_FROM);
  };
  const apply = () => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
    scale();
  };
  new ResizeObserver(scale).observe(svg);
  const toGraph = (clientX: number, clientY: number) => {
    const matrix = svg.getScreenCTM();
    return matrix ? new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse()) : new DOMPoint(view.x + view.width / 2, view.y + view.height / 2);
  };
  const zoom = (factor: number, at: DOMPoint) => {
    const width = Math.min(start.width * 4, Math.max(start.width / 40, view.width * factor));
    const scale = width / view.width;
    view.x = at.x - (at.x - view.x) * scale;
    view.y = at.y - (at.y - view.y) * scale;
    view.width = width;
    view.height *= scale;
    apply();
  };
  const centre = () => new DOMPoint(view.x + view.width / 2, view.y + view.height / 2);

  svg.addEventListener(
    'wheel',
    (event) => {
      // Plain scrolling scrolls the page; Ctrl + wheel (and a trackpad pinch) zooms.
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoom(Math.exp(event.deltaY * 0.002), toGraph(event.clientX, event.clientY));
    },
    { passive: false },
  );

  let drag: { id: number; x: number; y: number; moved: boolean } | undefined;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(event.pointerId);
    drag.moved = true;
    const scale = svg.getScreenCTM()?.a || 1;
    view.x -= dx / scale;
    view.y -= dy / scale;
    drag.x = event.clientX;
    drag.y = event.clientY;
    apply();
  });
  // A drag that ends on a node must not follow its link.
  let draggedAt = -Infinity;
  svg.addEventListener('click', (event) => performance.now() - draggedAt < 100 && event.preventDefault(), { capture: true });
  const end = (event: PointerEvent) => {
    if (drag?.id !== event.pointerId) return;
    if (drag.moved) draggedAt = performance.now();
    drag = undefined;
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);

  const controls = document.createElement('div');
  controls.className = 'graph-controls';
  const button = (label: string, text: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', action);
    controls.append(element);
  };
  button('Zoom in', '+', () => zoom(1 / 1.5, centre()));
  button('Zoom out', '−', () => zoom(1.5, centre()));
  button('Reset the view', 'Reset', () => {
    Object.assign(view, start);
    svg.setAttribute('viewBox', original);
    scale();
  });
  const hint = document.createElement('span');
  hint.textContent = 'Drag to move; Ctrl + scroll or pinch to zoom.';
  controls.append(hint);
  svg.before(controls);
}
