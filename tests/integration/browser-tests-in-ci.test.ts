import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userEnv } from '../helpers/build-site.ts';
import { projectRoot } from '../helpers/fixtures.ts';

/** Runs one browser test file as `npm test` would, with this environment; what it printed and how it ended. */
function runBrowserTest(env: Record<string, string | undefined>): Promise<{ code: number; output: string }> {
  const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const environment: NodeJS.ProcessEnv = { ...userEnv(), ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete environment[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', 'tests/e2e/base-path.test.ts', '--reporter=default'], { cwd: projectRoot, env: environment });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('browser tests without a browser', () => {
  it('fail in CI, with the command that installs Chromium, instead of being skipped', async () => {
    const run = await runBrowserTest({ CI: 'true', CHROMIUM_PATH: '/no/such/chromium' });
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain('The browser tests need Chromium, and there is none at /no/such/chromium. Install it with: sudo apt-get install -y chromium');
    expect(run.output).not.toMatch(/\d+ skipped|passed/);
  });

  it('fail in CI when Chromium is there but cannot be started', async () => {
    const run = await runBrowserTest({ CI: '1', CHROMIUM_PATH: '/bin/false' });
    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain('Chromium at /bin/false could not be started');
    expect(run.output).toContain('sudo apt-get install -y chromium');
  });

  it('are skipped elsewhere, saying so and how to install Chromium', async () => {
    const run = await runBrowserTest({ CI: undefined, CHROMIUM_PATH: '/no/such/chromium' });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Browser tests SKIPPED: no Chromium at /no/such/chromium');
    expect(run.output).toContain('Install it with: sudo apt-get install -y chromium');
    expect(run.output).toMatch(/1 skipped/);
  });
});
