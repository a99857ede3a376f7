/**
 * Hover previews: the linked page's text in a small box beside the link,
 * scrolled to the heading or block the link points at. Pages are fetched
 * once and kept; the box closes on Escape, when the pointer leaves, or when
 * focus moves on.
 */

const DELAY_MS = 300;
const pages = new Map<string, Promise<Document | undefined>>();
let box: HTMLDivElement | undefined;
let owner: HTMLAnchorElement | undefined;
let openTimer: number | undefined;
let closeTimer: number | undefined;

function fetchPage(url: string): Promise<Document | undefined> {
  let page = pages.get(url);
  if (!page) {
    page = fetch(url)
      .then((response) => (response.ok ? response.text() : undefined))
      .then((html) => (html === undefined ? undefined : new DOMParser().parseFromString(html, 'text/html')))
      .catch(() => undefined);
    pages.set(url, page);
  }
  return page;
}

function ensureBox(): HTMLDivElement {
  if (box) return box;
  box = document.createElement('div');
  box.className = 'preview';
  box.id = 'link-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  box.addEventListener('pointerenter', () => window.clearTimeout(closeTimer));
  box.addEventListener('pointerleave', () => scheduleClose());
  document.body.append(box);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && box && !box.hidden) close();
  });
  return box;
}

function close() {
  window.clearTimeout(openTimer);
  if (!box) return;
  box.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function scheduleClose() {
  window.clearTimeout(closeTimer);
  closeTimer = window.setTimeout(close, 250);
}

function place(link: HTMLAnchorElement, preview: HTMLDivElement) {
  const rect = link.getBoundingClientRect();
  const width = Math.min(480, window.innerWidth - 24);
  preview.style.width = `${width}px`;
  const left = Math.min(Math.max(12, rect.left), window.innerWidth - width - 12);
  const below = rect.bottom + 8;
  const height = Math.min(preview.scrollHeight, 360);
  const top = below + height < window.innerHeight ? below : Math.max(12, rect.top - height - 8);
  preview.style.left = `${left + window.scrollX}px`;
  preview.style.top = `${top + window.scrollY}px`;
}

async function open(link: HTMLAnchorElement) {
  const url = new URL(link.href);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const page = await fetchPage(url.href);
  if (!page || owner !== link) return;
  const article = page.querySelector('main article');
  if (!article) return;
  const content = article.cloneNode(true) as HTMLElement;
  content.querySelectorAll('script, .section-services, .breadcrumbs, .chapter-nav, [data-pagefind-ignore]').forEach((node) => node.remove());
  // Ids would clash with the page's own; the target is found before they go.
  const target = fragment ? content.querySelector(`[id="${CSS.escape(fragment)}"]`) : null;
  target?.classList.add('preview-target');
  content.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  content.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
  const preview = ensureBox();
  preview.replaceChildren(content);
  preview.hidden = false;
  preview.scrollTop = 0;
  place(link, preview);
  if (target instanceof HTMLElement) preview.scrollTop = target.offsetTop - 8;
  link.setAttribute('aria-describedby', preview.id);
}

/** Called on hover or keyboard focus of an internal link. */
export function schedulePreview(link: HTMLAnchorElement, byKeyboard: boolean) {
  window.clearTimeout(openTimer);
  window.clearTimeout(closeTimer);
  if (owner && owner !== link) close();
  owner = link;
  openTimer = window.setTimeout(() => void open(link), byKeyboard ? 0 : DELAY_MS);
  const leave = () => {
    if (owner === link) scheduleClose();
  };
  link.addEventListener('pointerleave', leave, { once: true });
  link.addEventListener('blur', leave, { once: true });
}
