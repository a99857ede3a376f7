import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const STAGING = '.quire-staging-';
const RETIRED = '.quire-retired-';

/**
 * A build writes into a staging folder beside the output folder and takes
 * its place only once everything (pages, attachments, search index) is
 * written, so a failed build leaves the last good site untouched and a
 * deploy step never ships half a site.
 */
export class AtomicOutDir {
  readonly final: string;
  readonly staging: string;
  private swapped = false;

  constructor(finalDir: string) {
    this.final = path.resolve(finalDir);
    this.staging = `${this.final}${STAGING}${process.pid}`;
    // If the build dies before the swap, take the half-written folder with it.
    process.once('exit', () => {
      if (!this.swapped) rmSync(this.staging, { recursive: true, force: true });
    });
  }

  /** Removes staging folders that earlier builds left behind when they were killed. */
  async clearLeftovers(): Promise<void> {
    const parent = path.dirname(this.final);
    const name = path.basename(this.final);
    const entries = await readdir(parent).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((entry) => entry.startsWith(`${name}${STAGING}`) || AtomicOutDir.isRetired(this.final, entry))
        .map((entry) => rm(path.join(parent, entry), { recursive: true, force: true })),
    );
  }

  /** Whether a folder beside the site is a last site still being deleted (`dist.quire-retired-123`). */
  static isRetired(site: string, entry: string): boolean {
    return entry.startsWith(`${path.basename(site)}${RETIRED}`);
  }

  /** The site a staging folder of this kind is written for (`dist` for `dist.quire-staging-123`), if it is one. */
  static siteOf(staging: string): string | undefined {
    const at = staging.lastIndexOf(STAGING);
    return at > 0 && /^\d+$/.test(staging.slice(at + STAGING.length)) ? staging.slice(0, at) : undefined;
  }

  async swap(): Promise<void> {
    const retired = `${this.final}${RETIRED}${process.pid}`;
    const hadOld = await rename(this.final, retired).then(
      () => true,
      () => false,
    );
    await rename(this.staging, this.final);
    this.swapped = true;
    if (hadOld) deleteAside(retired);
  }
}

/**
 * Deletes a folder in a process of its own, which goes on after the build
 * has ended: the new site is already in place, and deleting the last one's
 * 30,000 files and folders takes seconds on some disks. Should it be stopped
 * part way, the next build deletes what is left (`clearLeftovers`).
 */
function deleteAside(folder: string): void {
  const here = () => rmSync(folder, { recursive: true, force: true });
  try {
    const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], { detached: true, stdio: 'ignore' });
    child.on('error', here);
    child.unref();
  } catch {
    here();
  }
}
