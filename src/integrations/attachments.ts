import { createReadStream } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Connect } from 'vite';
import type { Vault } from '../vault/index.ts';

const ATTACHMENTS = 'attachments/';

/** Copies the images, PDFs and media that pages show into the built site, under `attachments/`. */
export async function copyAttachments(vault: Vault, contentDir: string, outDir: string): Promise<number> {
  for (const { path: file } of vault.attachments) {
    const target = path.join(outDir, ATTACHMENTS, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(contentDir, ...file.split('/')), target);
  }
  return vault.attachments.length;
}

/** In `astro dev`, serves the vault's attachments from the vault itself. Only files the model lists are served. */
export function attachmentMiddleware(getVault: () => Promise<Vault>, contentDir: string, base: string): Connect.NextHandleFunction {
  const prefix = `${base}${ATTACHMENTS}`;
  return (request, response, next) => {
    const url = request.url ?? '';
    if (!url.startsWith(prefix)) return next();
    const wanted = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!);
    void getVault().then((vault) => {
      if (!vault.attachments.some((a) => a.path === wanted)) return next();
      createReadStream(path.join(contentDir, ...wanted.split('/'))).on('error', () => next()).pipe(response);
    }, next);
  };
}
