import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { PrepareContext, PreparedFile } from './types.ts';
import type { PrepareBatch } from './prepare-worker.ts';
import type { SourceFile } from '../types.ts';

/** Notes a worker is sent at a time: small enough to share the work out evenly, large enough that messages cost little. */
const BATCH = 100;

// Named through a variable, so that a bundler leaves it alone: the pool only runs from Quire's own source files.
const WORKER = './prepare-worker.ts';

/** How many threads preparing notes can use on this machine: one per core, the main thread waiting. */
export const preparingThreads = (): number => Math.max(1, Math.min(os.availableParallelism(), 8));

/**
 * Prepares notes in worker threads, one per core: parsing and rendering
 * are most of a large vault's build, and each note is prepared on its own.
 * Answers in the files' order, each note also as the bytes it was sent in
 * (for the cache), with how many threads did the work. Rejects
 * if the workers cannot be started (the caller then prepares the notes
 * itself) or a worker fails.
 */
export async function prepareInWorkers(files: readonly SourceFile[], context: PrepareContext, threads = preparingThreads()): Promise<{ prepared: PreparedFile[]; serialized: Uint8Array[]; threads: number }> {
  const script = new URL(WORKER, import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) throw new Error(`no worker script at ${script.href}`);
  const batches: SourceFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const serialized: Uint8Array[][] = new Array(batches.length);
  const prepared: PreparedFile[][] = new Array(batches.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, files: batches[batch]!, context } satisfies PrepareBatch);
            };
            worker.on('message', (answer: { batch: number; serialized: Uint8Array[] }) => {
              serialized[answer.batch] = answer.serialized;
              send();
              // Decoded while the workers go on with the next batches.
              prepared[answer.batch] = answer.serialized.map((bytes) => deserialize(bytes) as PreparedFile);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a worker preparing notes stopped (exit code ${code})`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { prepared: prepared.flat(), serialized: serialized.flat(), threads: workers.length };
}
