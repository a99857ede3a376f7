/**
 * A worker thread that prepares notes (see prepare-pool.ts): it is sent a
 * batch of files and answers with each one prepared, in the same order.
 */
import { parentPort } from 'node:worker_threads';
import { fenceLanguages, loadCodeLanguages } from '../markdown/rehype-code-highlight.ts';
import { prepareFile, type PrepareContext } from './prepare-file.ts';
import type { SourceFile } from './read-vault.ts';

export interface PrepareBatch {
  batch: number;
  files: SourceFile[];
  context: PrepareContext;
}

parentPort!.on('message', async ({ batch, files, context }: PrepareBatch) => {
  // Code is highlighted synchronously while a note renders, so the grammars it needs are loaded first.
  await loadCodeLanguages(files.flatMap((file) => [...fenceLanguages(file.text)]));
  parentPort!.postMessage({ batch, prepared: files.map((file) => prepareFile(file, context)) });
});
