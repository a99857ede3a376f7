/**
 * A worker thread that prepares notes (see prepare-pool.ts): it is sent a
 * batch of files and answers with each one prepared, in the same order,
 * serialized with `node:v8`. The bytes are handed over without a copy, and
 * the cache of prepared notes writes them as they are.
 */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { fenceLanguages, loadCodeLanguages } from '../../markdown/rehype-code-highlight.ts';
import { prepareFile } from './prepare-file.ts';
import type { PrepareContext } from './types.ts';
import type { SourceFile } from '../types.ts';

export interface PrepareBatch {
  batch: number;
  files: SourceFile[];
  context: PrepareContext;
}

parentPort!.on('message', async ({ batch, files, context }: PrepareBatch) => {
  // Code is highlighted synchronously while a note renders, so the grammars it needs are loaded first.
  await loadCodeLanguages(files.flatMap((file) => [...fenceLanguages(file.text)]));
  const serialized = files.map((file) => ownBuffer(serialize(prepareFile(file, context))));
  parentPort!.postMessage({ batch, serialized }, serialized.map((bytes) => bytes.buffer));
});

/** Bytes that are the whole of their buffer, so that buffer can be transferred. */
function ownBuffer(bytes: Buffer): Uint8Array<ArrayBuffer> {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer);
  return new Uint8Array(bytes);
}
