import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element as HastElement } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBrowserTests, launchBrowser } from '../helpers/browser.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { fixture } from '../helpers/fixtures.ts';
import { checkLinks } from '../helpers/link-checker.ts';
import { serveSite, type StaticSite } from '../helpers/serve.ts';
import { everyFile } from '../helpers/site-files.ts';

/**
 * A vault of hostile notes and attachments (tests/fixtures/hostile-vault),
 * built for real, every page and attachment opened in Chromium. Each payload,
 * if it ran, would request a URL whose path starts with /pwned/: any such
 * request fails the test. Links to outside the vault are made here, in a
 * copy of the vault, beside a folder of secrets.
 */
const SECRET = 'SECRET-OUTSIDE-THE-VAULT-c41e';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let build: BuildResult;
let site: StaticSite;
let browser: Browser;

/** Requests a payload made, each with the page or attachment that was open. */
const pwned: { url: string; from: string }[] = [];
const isPayload = (url: string) => {
  try {
    return new URL(url).pathname.startsWith('/pwned/');
  } catch {
    return false;
  }
};
/** What reading each page showed of a note that took the page over. */
const takeovers: { page: string; problem: string }[] = [];
/** Every page of the built site, by its address. */
let pages: string[] = [];

async function hostileVault(): Promise<string> {
  const top = await mkdtemp(path.join(os.tmpdir(), 'quire-hostile-'));
  const vault = path.join(top, 'vault');
  const elsewhere = path.join(top, 'elsewhere');
  await cp(fixture('hostile-vault'), vault, { recursive: true });
  await mkdir(path.join(elsewhere, 'folder'), { recursive: true });
  await writeFile(path.join(elsewhere, 'secret.md'), `# Secret\n\n${SECRET} in a note.\n`);
  await writeFile(path.join(elsewhere, 'folder', 'Diary.md'), `# Diary\n\n${SECRET} in a folder.\n`);
  await writeFile(path.join(elsewhere, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET)]));
  await symlink(path.join(elsewhere, 'secret.md'), path.join(vault, 'Linked Secret.md'));
  await symlink(path.join(elsewhere, 'folder'), path.join(vault, 'Linked Folder'));
  await symlink(path.join(elsewhere, 'secret.png'), path.join(vault, 'leak.png'));
  await writeFile(path.join(vault, 'Leak Embed.md'), '# Leak Embed\n\n![[leak.png]] and [[Diary]].\n');
  return vault;
}


async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.on('request', (request) => {
    if (isPayload(request.url())) pwned.push({ url: request.url(), from: new URL(request.frame().page().url()).pathname });
  });
  context.on('page', (page) => page.on('dialog', (dialog) => void dialog.dismiss().then(() => pwned.push({ url: `a dialog: ${dialog.message()}`, from: new URL(page.url()).pathname }))));
  return context;
}

/** What a page's DOM shows of a note that took it over; empty when nothing did. */
function takenOver(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (typeof document.querySelector !== 'function') problems.push('document.querySelector is replaced');
    if (typeof document.getElementById !== 'function') problems.push('document.getElementById is replaced');
    if (!(document.body instanceof HTMLBodyElement)) problems.push('document.body is replaced');
    if (!(document.documentElement instanceof HTMLHtmlElement)) problems.push('document.documentElement is replaced');
    if (typeof document.cookie !== 'string') problems.push('document.cookie is replaced');
    if (document.baseURI !== location.href.split('#')[0]) problems.push(`the base URL is ${document.baseURI}`);
    // The document's own methods, which a clobbered document no longer shows.
    const all = (selector: string): Element[] => [...Document.prototype.querySelectorAll.call(document, selector)];
    // The note's own HTML is in .note-body; a diagram's drawing is Mermaid's.
    for (const element of all('main article *')) {
      const { position } = getComputedStyle(element);
      if (position === 'fixed' || position === 'sticky') problems.push(`${element.tagName.toLowerCase()}.${element.className} is ${position}`);
      if (!element.closest('.note-body') || element.closest('pre.mermaid')) continue;
      for (const name of element.getAttributeNames()) {
        if (name.startsWith('on')) problems.push(`${element.tagName.toLowerCase()} has ${name}`);
        if (name.startsWith('data-pagefind')) problems.push(`${element.tagName.toLowerCase()} has ${name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(element.getAttribute(name) ?? '') && name !== 'alt' && name !== 'title') problems.push(`${element.tagName.toLowerCase()} ${name}=${element.getAttribute(name)}`);
      }
    }
    for (const element of all('.note-body :is(base, meta, link, form, object, embed, script, style):not(pre.mermaid *), base')) problems.push(`a <${element.tagName.toLowerCase()}> from a note`);
    for (const element of all('.note-body iframe')) {
      const sandbox = element.getAttribute('sandbox');
      if (sandbox === null || /allow-same-origin|allow-top-navigation/.test(sandbox)) problems.push(`an iframe sandboxed as ${sandbox}`);
    }
    // What a reader sees of the header, the navigation and the title must be the site's own: at the middle of each link, field and heading there, nothing of a note.
    const spots = all('.site-header a, .site-header input, .site-header button, .sidebar a, .sidebar summary, .page-aside a, .page-title, .breadcrumbs a');
    for (const owner of spots) {
      const box = owner.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const hit = Document.prototype.elementFromPoint.call(document, box.left + box.width / 2, box.top + box.height / 2);
      if (hit?.closest('.note-body') && !owner.contains(hit)) problems.push(`${owner.tagName.toLowerCase()} “${owner.textContent?.trim().slice(0, 30)}” is covered by ${hit.tagName.toLowerCase()}.${hit.className}`);
    }
    return problems;
  });
}

/** Opens a page as a reader would: waits for it to settle, opens its details, hovers and focuses each link of the note. */
async function read(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  if ((await page.locator('pre.mermaid').count()) > 0) await page.waitForSelector('pre.mermaid[data-processed]', { timeout: 15_000 }).catch(() => undefined);
  for (const summary of await page.locator('main summary').all()) await summary.click().catch(() => undefined);
  for (const link of (await page.locator('main .note-body a').all()).slice(0, 25)) {
    await link.hover({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(350);
  }
  for (const link of (await page.locator('main .note-body a').all()).slice(0, 25)) await link.focus().catch(() => undefined);
  await page.waitForTimeout(350);
  if (page.url() !== url) throw new Error(`reading ${url} took the reader to ${page.url()}`);
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {
    throw new Error(`${url} never settled`);
  });
}

describe.skipIf(!runBrowserTests)('a vault of hostile notes, built and read in Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    build = await buildSite({ contentDir: await hostileVault() });
    if (build.code !== 0) throw new Error(`the build failed (exit ${build.code}):\n${build.output.slice(-4000)}`);
    site = await serveSite(build.outDir);
    pages = (await readdir(build.outDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.includes(`${path.sep}pagefind`))
      .map((entry) => `/${path.relative(build.outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`.replace(/index\.html$/, ''));
    // Every page read as a reader would, then every attachment opened from its link.
    const context = await newContext();
    const page = await context.newPage();
    for (const address of pages) {
      await read(page, `${site.origin}${address}`);
      for (const problem of await takenOver(page)) takeovers.push({ page: address, problem });
    }
    for (const entry of await readdir(path.join(build.outDir, 'attachments'))) {
      await page.goto(`${site.origin}/attachments/${encodeURIComponent(entry)}`, { waitUntil: 'networkidle' }).catch(() => undefined);
      for (const element of await page.locator('rect, a, text, image').all()) await element.hover({ force: true, timeout: 2000 }).catch(() => undefined);
      for (const link of await page.locator('a').all()) await link.click({ force: true, timeout: 2000 }).catch(() => undefined);
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    }
    await context.close();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const payloadsFrom = (address: string) => pwned.filter((request) => request.from.startsWith(address)).map((request) => request.url);
  const takeoversOf = (pattern: RegExp) => takeovers.filter((t) => pattern.test(t.problem)).map((t) => `${t.page}: ${t.problem}`);

  it('opens every page of the site, the hostile notes among them', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/overlay/', '/math-overlay/', '/clobbering/', '/search-spoof/', '/tracking/', '/classics/', '/diagrams-and-math/', '/iframes/', '/embeds/', '/services/amazon-s3/', '/search/', '/404.html']));
  });

  it('overlay: nothing from a note is fixed or sticky, and nothing of it (a box, a formula) covers the header, the navigation or the title', () => {
    expect(takeoversOf(/ is (fixed|sticky)$| is covered by /)).toEqual([]);
  });

  it('site classes: neither a note’s HTML nor its cssclasses can use the site’s own classes', async () => {
    const overlay = fromHtml(await readFile(path.join(build.outDir, 'overlay', 'index.html'), 'utf8'));
    expect(select('body', overlay)?.properties.className).toBeUndefined();
    const noteBody = select('.note-body', overlay)!;
    const classesOf = (text: string) => selectAll('div', noteBody).filter((div) => toString(div).startsWith(text)).map((div) => div.properties.className ?? []);
    for (const text of ['A fake menu', 'A fake preview', 'More of the site']) {
      expect(classesOf(text).length, text).toBeGreaterThan(0);
      expect(classesOf(text).flat(), text).toEqual([]);
    }
  });

  it('clobbering: document.querySelector, document.body, document.getElementById and the base URL stay the document’s, on every page', () => {
    expect(takeoversOf(/is replaced|base URL/)).toEqual([]);
  });

  it('clobbering: every link of the site still lands, the note’s links to its own prefixed anchors among them', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
    const clobbering = await readFile(path.join(build.outDir, 'clobbering', 'index.html'), 'utf8');
    expect(clobbering).toContain('<a href="#user-content-location">A link to the anchor</a>');
    expect(clobbering).toContain('id="user-content-location"');
  });

  it('site attributes: no element of a note keeps an event handler, a data-pagefind attribute or a javascript: URL; no <base>, <meta>, <link> or <form>', () => {
    expect(takeoversOf(/ has |javascript:|data:|a <\w+> from a note/)).toEqual([]);
  });

  it('tracking: no inline style makes the browser fetch a URL', () => {
    expect(payloadsFrom('/tracking/')).toEqual([]);
  });

  it('SVG: the drawing opened from its link runs no script, handler or foreignObject, and fetches nothing', () => {
    expect(payloadsFrom('/attachments/')).toEqual([]);
  });

  it('classics: onerror, javascript: links from Markdown, HTML and wiki-links, mutation XSS, meta refresh and <base> run nothing, on the note and where it is embedded', () => {
    expect(payloadsFrom('/classics/')).toEqual([]);
    expect(payloadsFrom('/embeds/')).toEqual([]);
  });

  it('no payload of any kind ran on any page or attachment', () => {
    expect(pwned).toEqual([]);
  });

  it('symlinks: reports the links to outside the vault by their paths, and the attachments that are not what they say', () => {
    expect(build.output).toMatch(/Linked Folder +Is a link to a place outside the vault; nothing is read through it.*\[outside-vault\]/);
    expect(build.output).toMatch(/Linked Secret\.md +Is a link to a place outside the vault.*\[outside-vault\]/);
    expect(build.output).toMatch(/leak\.png +Is a link to a place outside the vault.*\[outside-vault\]/);
    expect(build.output).toMatch(/fake\.png +Is not a PNG image, whatever its name says; it is not published.*\[unreadable-file\]/);
    expect(build.output).toMatch(/fake\.pdf +Is not a PDF, whatever its name says; it is not published.*\[unreadable-file\]/);
    expect(build.output).not.toContain(SECRET);
  });

  it('symlinks: publishes nothing from outside the vault: no page, no search entry, no feed item, no attachment', async () => {
    const files = await everyFile(build.outDir);
    expect(files.some((file) => file.name === 'rss.xml')).toBe(true);
    expect(files.some((file) => file.name.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.filter((file) => file.text.includes(SECRET) || file.name.includes('leak.png')).map((file) => file.name)).toEqual([]);
    expect(files.map((file) => file.name).filter((name) => name.startsWith('attachments/')).sort()).toEqual(['attachments/drawing.svg', 'attachments/pixel.png']);
  });

  it('search and markup: writes no payload into any page, search index or feed', async () => {
    const files = await everyFile(build.outDir);
    const markers = ['HOSTILE-TITLE-MARKER', 'HOSTILE-FILTER-MARKER', 'HOSTILE-TYPE-MARKER', 'pwned/pagefind-image'];
    const hits = files.flatMap((file) => markers.filter((marker) => file.text.includes(marker)).map((marker) => `${file.name}: ${marker}`));
    // In the pages' markup (a payload written as text, as in a diagram's source, is only text).
    for (const file of files.filter((f) => f.name.endsWith('.html'))) {
      visit(fromHtml(file.text), 'element', (element: HastElement) => {
        const attributes = Object.keys(element.properties);
        if (attributes.some((name) => /^on[a-z]/.test(name))) hits.push(`${file.name}: <${element.tagName}> with ${attributes.join(' ')}`);
        if (attributes.some((name) => /^dataQuire/.test(name))) hits.push(`${file.name}: a placeholder left in <${element.tagName}>`);
        if (element.tagName === 'base' || element.properties.httpEquiv !== undefined) hits.push(`${file.name}: <${element.tagName}>`);
        if (element.tagName === 'iframe' && (element.properties.srcDoc !== undefined || /allow-same-origin/.test(String(element.properties.sandbox)))) hits.push(`${file.name}: an iframe that is not sandboxed`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('attachments: serves none of those that are not what their names say, nor one from outside the vault', async () => {
    const context = await newContext();
    for (const refused of ['fake.png', 'fake.pdf', 'leak.png']) expect((await context.request.get(`${site.origin}/attachments/${refused}`)).status(), refused).toBe(404);
    const drawing = await context.request.get(`${site.origin}/attachments/drawing.svg`);
    expect(drawing.status()).toBe(200);
    expect(await drawing.text()).toContain('A drawing');
    await context.close();
  });

  it('formatting stays, and an https iframe stays, sandboxed without same-origin access or top navigation', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/tracking/`, { waitUntil: 'networkidle' });
    const kept = page.locator('.note-body span', { hasText: 'This formatting stays.' });
    expect(await kept.evaluate((span) => [getComputedStyle(span).fontWeight, getComputedStyle(span).color])).toEqual(['700', 'rgb(204, 0, 0)']);
    expect(await page.locator('.note-body p', { hasText: 'An external one' }).evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 128, 128)');
    await page.goto(`${site.origin}/iframes/`, { waitUntil: 'networkidle' });
    expect(await page.locator('.note-body iframe').evaluateAll((frames) => frames.map((frame) => [frame.getAttribute('src'), frame.getAttribute('sandbox'), frame.getAttribute('name'), frame.getAttribute('allow')]))).toEqual([
      ['https://example.invalid/embed', 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation', null, null],
    ]);
    // Its preview does not load the embedded page just because the pointer passed: the link to it stays.
    await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
    await page.locator('main .note-body a[href="/iframes/"]').hover();
    await expect.poll(() => page.locator('.preview .embed-web-link a').getAttribute('href')).toBe('https://example.invalid/embed');
    expect(await page.locator('.preview iframe').count()).toBe(0);
    expect(page.frames()).toHaveLength(1);
    await context.close();
  });

  it('Mermaid: draws with its strict level: no HTML labels, no click callbacks, no javascript: links, no configuration from the diagram', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/diagrams-and-math/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('pre.mermaid svg').count()).toBe(2);
    expect(await page.locator('pre.mermaid foreignObject').count()).toBe(0);
    expect(await page.locator('pre.mermaid a[href^="javascript"], pre.mermaid a[*|href^="javascript"]').count()).toBe(0);
    expect(await page.locator('pre.mermaid svg').first().evaluate((svg) => getComputedStyle(svg).position)).not.toBe('fixed');
    for (const node of await page.locator('pre.mermaid .node').all()) await node.click({ force: true }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${site.origin}/diagrams-and-math/`);
    await context.close();
    expect(payloadsFrom('/diagrams-and-math/')).toEqual([]);
  });

  it('search spoofing: Pagefind has none of the titles, images and filters a note tried to give itself', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/search/`, { waitUntil: 'networkidle' });
    // Pagefind's own API, as the site's search uses it (a string, so that the test runner leaves its import alone).
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init?.();
      const filters = await pagefind.filters();
      const results = await Promise.all((await pagefind.search('ostrich')).results.map((result) => result.data()));
      const everything = await Promise.all((await pagefind.search(null, { filters: { type: { any: ['note', 'chapter', 'service'] } } })).results.map((result) => result.data()));
      return { filters, results: results.map((r) => ({ url: r.url, meta: r.meta, filters: r.filters })), everything: everything.map((r) => ({ meta: r.meta, filters: r.filters })) };
    })()`)) as { filters: unknown; results: { url: string; meta: Record<string, string>; filters: Record<string, string[]> }[]; everything: unknown[] };
    expect(found.results).toEqual([{ url: expect.stringMatching(/^\/search-spoof\//), meta: expect.objectContaining({ title: 'Search Spoof' }), filters: { type: ['note'] } }]);
    expect(found.results[0]!.meta).not.toHaveProperty('image');
    expect(JSON.stringify(found.filters)).not.toMatch(/HOSTILE/);
    expect(found.everything.length).toBeGreaterThan(5);
    expect(JSON.stringify(found.everything)).not.toMatch(/HOSTILE|pwned/);
    await context.close();
  });
});
