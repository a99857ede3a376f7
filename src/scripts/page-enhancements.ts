/**
 * Small things that need a script, loaded on every page after it has been
 * read: the mobile menu, the table of contents that follows the reader, and
 * hover previews (whose code loads on the first hover). The page reads the
 * same without any of them.
 */

// Mobile menu: the link jumps to the navigation without scripts; with them it opens it over the page.
const toggle = document.querySelector<HTMLAnchorElement>('[data-menu-toggle]');
const nav = document.getElementById('site-nav');
if (toggle && nav) {
  toggle.setAttribute('role', 'button');
  const set = (open: boolean) => {
    document.body.classList.toggle('nav-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    const open = !document.body.classList.contains('nav-open');
    set(open);
    if (open) nav.querySelector<HTMLElement>('a[aria-current], a')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
      set(false);
      toggle.focus();
    }
  });
}

// Table of contents: mark the section being read.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
if (tocLinks.length && 'IntersectionObserver' in window) {
  const byId = new Map(tocLinks.map((link) => [decodeURIComponent(link.hash.slice(1)), link]));
  const headings = [...byId.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  const visible = new Set<Element>();
  const mark = () => {
    const current = headings.find((h) => visible.has(h)) ?? [...headings].reverse().find((h) => h.getBoundingClientRect().top < 0);
    for (const link of tocLinks) link.removeAttribute('aria-current');
    if (current) byId.get(current.id)?.setAttribute('aria-current', 'location');
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) (entry.isIntersecting ? visible.add(entry.target) : visible.delete(entry.target));
    mark();
  });
  for (const heading of headings) observer.observe(heading);
}

// Hover previews: only where there is a pointer that hovers; touch simply follows the link.
let previews: Promise<typeof import('./preview.ts')> | undefined;
const base = document.documentElement.dataset.base ?? '/';
const isPreviewable = (target: EventTarget | null): target is HTMLAnchorElement =>
  target instanceof HTMLAnchorElement &&
  target.closest('main, .page-aside') !== null &&
  target.origin === location.origin &&
  target.pathname.startsWith(base) &&
  !target.pathname.startsWith(`${base}attachments/`) &&
  !target.closest('.preview') &&
  !(target.pathname === location.pathname && target.hash);
const start = (event: Event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!isPreviewable(link ?? null)) return;
  previews ??= import('./preview.ts');
  void previews.then(({ schedulePreview }) => schedulePreview(link as HTMLAnchorElement, event.type === 'focusin'));
};
if (matchMedia('(hover: hover)').matches) document.addEventListener('pointerover', start);
document.addEventListener('focusin', start);
