/**
 * Hover previews: the linked page's text in a small box beside the link.
 * A link to a heading shows that heading's section (on a hub, a
 * sub-feature's passages), under the page's title; a link to a block shows
 * the page scrolled to it; a link to a page, its beginning. Pages are fetched
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

/**
 * What a page carries besides its text: navigation, lists of its own, pagers.
 * The passages a hub or stub gathers are its text. Embedded web pages are left
 * out too: passing the pointer over a link must not load another site (the
 * link that opens the embedded page stays).
 */
const FURNITURE = 'script, iframe, .section-services, .breadcrumbs, .chapter-nav, .pager, .list-more, .listed-under, .read-next, .page-dates, .page-tags, .service-docs, .service-category';

const rankOf = (element: Element) => (/^H([1-6])$/.test(element.tagName) ? Number(element.tagName[1]) : undefined);

/** A heading's section: the heading and what follows it up to a heading of its rank or higher, or the `<section>` it opens. */
function sectionOf(heading: Element, rank: number): Element[] {
  const parent = heading.parentElement;
  if (parent?.tagName === 'SECTION' && parent.firstElementChild === heading) return [parent];
  const nodes = [heading];
  for (let next = heading.nextElementSibling; next && (rankOf(next) ?? 7) > rank; next = next.nextElementSibling) nodes.push(next);
  return nodes;
}

/** The part of the page the preview shows, the element the link names in it, and whether to scroll to it (it is not at the top). */
function shownPart(content: HTMLElement, fragment: string): { shown: HTMLElement; target: Element | null; scroll: boolean } {
  const target = fragment ? content.querySelector(`[id="${CSS.escape(fragment)}"]`) : null;
  const rank = target ? rankOf(target) : undefined;
  if (!target || rank === undefined || rank === 1) return { shown: content, target, scroll: true };
  const shown = document.createElement('div');
  const title = content.querySelector('h1')?.textContent?.trim();
  if (title) shown.append(Object.assign(document.createElement('p'), { className: 'preview-page', textContent: title }));
  shown.append(...sectionOf(target, rank));
  return { shown, target, scroll: false };
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
  content.querySelectorAll(FURNITURE).forEach((node) => node.remove());
  // Ids would clash with the page's own; the target is found before they go.
  const { shown, target, scroll } = shownPart(content, fragment);
  target?.classList.add('preview-target');
  shown.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  shown.querySelectorAll('[aria-labelledby]').forEach((node) => node.removeAttribute('aria-labelledby'));
  shown.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
  const preview = ensureBox();
  preview.replaceChildren(shown);
  preview.hidden = false;
  preview.scrollTop = 0;
  place(link, preview);
  if (scroll && target instanceof HTMLElement) preview.scrollTop = target.offsetTop - 8;
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
