import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { fixture } from '../helpers/fixtures.ts';

let vault: string;
let dev: DevServer;

/** Asks for a page until it shows what is wanted, as a reader reloading would; the dev server rebuilds on its own time. */
const until = async (address: string, shows: (found: { status: number; html: string }) => boolean) => {
  const found = await dev.until(address, (answer) => shows({ status: answer.status, html: answer.body }));
  return { status: found.status, html: found.body };
};

beforeAll(async () => {
  vault = await mkdtemp(path.join(os.tmpdir(), 'quire-dev-'));
  await cp(fixture('links-vault'), vault, { recursive: true });
  dev = await startDevServer(vault, '/home/');
}, 60_000);

afterAll(async () => {
  dev?.close();
  await rm(vault, { recursive: true, force: true });
});

describe('npm run dev while notes change', () => {
  it('shows an edited note, and the link it gained among the backlinks of the note it links to', async () => {
    await appendFile(path.join(vault, 'Blocks.md'), '\nA sentence written while the server runs, about [[Aliased]].\n');
    const edited = await until('/blocks/', (found) => found.html.includes('A sentence written while the server runs'));
    expect(edited.html, dev.log()).toContain('A sentence written while the server runs, about <a href="/aliased/" class="internal">Aliased</a>');
    const target = await until('/aliased/', (found) => found.html.includes('A sentence written while the server runs'));
    expect(target.html).toMatch(/class="backlinks"[\s\S]*A sentence written while the server runs/);
  }, 40_000);

  it('publishes a note as soon as it is added, and takes it away when it is removed', async () => {
    await writeFile(path.join(vault, 'Fresh.md'), '# Fresh\n\nA new note pointing [[Home]].\n');
    const added = await until('/fresh/', (found) => found.status === 200);
    expect(added.html, dev.log()).toContain('A new note pointing');
    expect((await until('/home/', (found) => found.html.includes('A new note pointing'))).html).toContain('A new note pointing');

    await rm(path.join(vault, 'Fresh.md'));
    expect((await until('/fresh/', (found) => found.status === 404)).status).toBe(404);
    expect((await until('/home/', (found) => !found.html.includes('A new note pointing'))).html).not.toContain('A new note pointing');
  }, 60_000);

  it('keeps a note that was made private out of every page', async () => {
    await writeFile(path.join(vault, 'Aliased.md'), `---\npublish: false\n---\n# Aliased\n\nNo longer public.\n`);
    expect((await until('/aliased/', (found) => found.status === 404)).status).toBe(404);
    const blocks = await until('/blocks/', (found) => !found.html.includes('href="/aliased/"'));
    expect(blocks.html).toContain('A sentence written while the server runs, about Aliased');
    expect(blocks.html).not.toContain('No longer public');
  }, 40_000);
});
