import { appendFile, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { fixture } from '../helpers/fixtures.ts';

/** The hostile vault (tests/fixtures/hostile-vault) under `npm run dev`: the same rules as a build. */
const SECRET = 'SECRET-OUTSIDE-THE-VAULT-d3v';
let top: string;
let vault: string;
let dev: DevServer;

/** The note's part of a page: the dev server also writes the site's stylesheet into it. */
const noteBody = (html: string) => html.slice(html.indexOf('<div class="note-body"'), html.indexOf('</article>'));

/** What in a note's markup could run or fetch: handlers, script URLs, and elements a note may not have. A payload written as text is only text. */
function dangers(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    if (['script', 'style', 'base', 'meta', 'link', 'form', 'object', 'embed'].includes(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on[A-Z]/.test(name) || /^dataQuire/.test(name)) found.push(`${element.tagName} ${name}`);
      if (/^\s*(javascript|data):/i.test(String(value))) found.push(`${element.tagName} ${name}=${String(value)}`);
    }
  });
  return found;
}

beforeAll(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'quire-dev-hostile-'));
  vault = path.join(top, 'vault');
  await cp(fixture('hostile-vault'), vault, { recursive: true });
  await mkdir(path.join(top, 'elsewhere'));
  await writeFile(path.join(top, 'elsewhere', 'secret.md'), `# Secret\n\n${SECRET}\n`);
  await symlink(path.join(top, 'elsewhere', 'secret.md'), path.join(vault, 'Linked Secret.md'));
  dev = await startDevServer(vault, '/home/');
}, 90_000);

afterAll(async () => {
  dev?.close();
  await rm(top, { recursive: true, force: true });
});

describe('npm run dev on a vault of hostile notes', () => {
  it('serves notes sanitised: no handler, no positioning, no data attribute, no URL in a style, ids prefixed', async () => {
    const page = (await dev.get('/overlay/')).body;
    const overlay = noteBody(page);
    expect(overlay).toContain('Your session expired');
    expect(overlay).not.toMatch(/position:\s*(fixed|absolute|sticky)|z-index|translate|box-shadow/);
    expect(page).not.toMatch(/<body class=/);
    const clobbering = noteBody((await dev.get('/clobbering/')).body);
    expect(clobbering).not.toMatch(/name="querySelector"|id="getElementById"|name="body"/);
    expect(clobbering).toContain('id="user-content-getElementById"');
    expect(noteBody((await dev.get('/search-spoof/')).body)).not.toMatch(/data-pagefind-(meta|filter|weight|index-attrs)|HOSTILE/);
    expect(noteBody((await dev.get('/tracking/')).body)).not.toContain('/pwned/');
    const classics = noteBody((await dev.get('/classics/')).body);
    expect(classics).toContain('Open me');
    expect(dangers(classics)).toEqual([]);
  });

  it('serves an SVG attachment sanitised, and none that is not what its name says', async () => {
    const drawing = await dev.get('/attachments/drawing.svg');
    expect(drawing.status).toBe(200);
    expect(drawing.type).toBe('image/svg+xml');
    expect(drawing.body).toContain('A drawing');
    expect(drawing.body).not.toMatch(/<script|onload|foreignObject|javascript:|pwned/);
    expect((await dev.get('/attachments/fake.png')).body).not.toContain('/pwned/fake-png');
    expect((await dev.get('/attachments/fake.png')).status).toBe(404);
    expect((await dev.get('/attachments/pixel.png')).type).toBe('image/png');
  });

  it('does not read a note that is a link to outside the vault', async () => {
    expect((await dev.get('/linked-secret/')).status).toBe(404);
    expect((await dev.get('/home/')).body).not.toContain(SECRET);
    expect((await dev.get('/stubs/linked-secret/')).body).not.toContain(SECRET);
  });

  it('sanitises a note edited while the server runs, as a build would', async () => {
    await appendFile(path.join(vault, 'Iframes.md'), '\nEdited: <img src=x onerror="fetch(\'/pwned/dev-edit\')"><span style="position:fixed;top:0">edited overlay</span>\n');
    const edited = await dev.until('/iframes/', (found) => found.body.includes('edited overlay'));
    expect(edited.body, dev.log()).toContain('edited overlay');
    expect(dangers(noteBody(edited.body))).toEqual([]);
    expect(noteBody(edited.body)).not.toMatch(/position:fixed/);
  }, 40_000);
});
