import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { userEnv } from './build-site.ts';
import { projectRoot } from './fixtures.ts';

export interface DevServer {
  origin: string;
  /** What the server has printed so far. */
  log(): string;
  /** A page or file as the server answers it now. */
  get(address: string): Promise<{ status: number; type: string; body: string }>;
  /** Asks for an address until the answer shows what is wanted, as a reader reloading would; the server rebuilds on its own time. */
  until(address: string, shows: (found: { status: number; type: string; body: string }) => boolean): Promise<{ status: number; type: string; body: string }>;
  close(): void;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts `astro dev` on a vault, as a user would with CONTENT_DIR, and waits until it serves `ready`. */
export async function startDevServer(contentDir: string, ready: string): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const server: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...userEnv(), CONTENT_DIR: contentDir },
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  const get = async (address: string) => {
    const response = await fetch(`${origin}${address}`).catch(() => undefined);
    return { status: response?.status ?? 0, type: response?.headers.get('content-type') ?? '', body: (await response?.text()) ?? '' };
  };
  const until: DevServer['until'] = async (address, shows) => {
    let found = await get(address);
    for (let tries = 0; tries < 300 && !shows(found); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await get(address);
    }
    return found;
  };
  const started = await until(ready, (found) => found.status === 200);
  if (started.status !== 200) {
    server.kill();
    throw new Error(`astro dev did not serve ${ready}:\n${log}`);
  }
  return { origin, log: () => log, get, until, close: () => server.kill() };
}
