import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The installed `pagefind` package: its version, and the binary its command runs on this platform. */
export interface PagefindPackage {
  version: string;
  binary: string;
}

let found: Promise<PagefindPackage> | undefined;

/**
 * Found from the package's entry point, since the package exports neither
 * its package.json nor the module that picks the binary for the platform
 * (which also honours `PAGEFIND_BINARY_PATH`).
 */
export function pagefindPackage(): Promise<PagefindPackage> {
  found ??= (async () => {
    const { root, manifest } = installedPackage();
    const { resolveBinaryPath } = (await import(pathToFileURL(path.join(root, 'lib', 'resolveBinary.js')).href)) as { resolveBinaryPath: (names: string[]) => string };
    // What the package's own `pagefind` command runs: the extended binary where it is installed.
    return { version: manifest.version ?? '', binary: resolveBinaryPath(['pagefind_extended', 'pagefind']) };
  })();
  return found;
}

/** The package's folder and its package.json, found above its entry point. */
function installedPackage(): { root: string; manifest: { name?: string; version?: string } } {
  for (let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind'))); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'pagefind') return { root: dir, manifest };
  }
  throw new Error('the pagefind package is not installed; run npm install');
}
