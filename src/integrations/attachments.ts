import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connect } from 'vite';
import { formatMismatch, SIGNATURE_BYTES, type Vault } from '../vault/index.ts';

const ATTACHMENTS = 'attachments/';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
  mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4', ogg: 'audio/ogg', '3gp': 'video/3gpp', flac: 'audio/flac',
  mp4: 'video/mp4', webm: 'video/webm', ogv: 'video/ogg', mov: 'video/quicktime', mkv: 'video/x-matroska', pdf: 'application/pdf',
};

const extensionOf = (file: string) => file.slice(file.lastIndexOf('.') + 1).toLowerCase();

/**
 * Where an attachment of the vault really is, if it may be published: its
 * real place lies inside the vault (a link to elsewhere is never followed),
 * and its first bytes are those of the format its extension names. The vault
 * was checked when it was read (src/vault/read/read-vault.ts); this is checked
 * again as the file is copied or served, since the file may have changed.
 */
async function publishable(contentDir: string, file: string): Promise<string | undefined> {
  const vault = await realpath(contentDir);
  const real = await realpath(path.join(contentDir, ...file.split('/'))).catch(() => undefined);
  if (real === undefined || !real.startsWith(`${vault}${path.sep}`)) return undefined;
  const handle = await open(real, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0);
    return formatMismatch(file, head.subarray(0, bytesRead)) === undefined ? real : undefined;
  } finally {
    await handle.close();
  }
}

/**
 * An SVG attachment's text as it is published, sanitised (./sanitize-svg.ts),
 * or undefined when it is not well-formed SVG. The sanitiser and its DOM load
 * only for a vault that has SVGs.
 */
async function publishedSvg(real: string): Promise<string | undefined> {
  try {
    const { sanitizeSvg } = await import('./sanitize-svg.ts');
    return sanitizeSvg(await readFile(real, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Copies the images, PDFs and media that pages show into the built site,
 * under `attachments/`. An SVG is written sanitised. One that may not be
 * published after all is left out, with a warning.
 */
export async function copyAttachments(vault: Vault, contentDir: string, outDir: string, warn: (message: string) => void = console.warn): Promise<number> {
  let copied = 0;
  for (const { path: file } of vault.attachments) {
    const real = await publishable(contentDir, file);
    const svg = real !== undefined && extensionOf(file) === 'svg' ? await publishedSvg(real) : undefined;
    if (real === undefined || (extensionOf(file) === 'svg' && svg === undefined)) {
      warn(`Quire: ${file} is not published: it is not what its name says, or it lies outside the vault`);
      continue;
    }
    const target = path.join(outDir, ATTACHMENTS, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    if (svg !== undefined) await writeFile(target, svg);
    else await copyFile(real, target);
    copied++;
  }
  return copied;
}

/**
 * In `astro dev`, serves the vault's attachments from the vault itself, by
 * the same rules as a build: only files the model lists, only from inside
 * the vault, only when they are what their names say, SVGs sanitised.
 */
export function attachmentMiddleware(getVault: () => Promise<Vault>, contentDir: string, base: string): Connect.NextHandleFunction {
  const prefix = `${base}${ATTACHMENTS}`;
  return (request, response, next) => {
    const url = request.url ?? '';
    if (!url.startsWith(prefix)) return next();
    let wanted: string;
    try {
      wanted = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!);
    } catch {
      return next();
    }
    void (async () => {
      const vault = await getVault();
      if (!vault.attachments.some((a) => a.path === wanted)) return next();
      const real = await publishable(contentDir, wanted);
      const svg = real !== undefined && extensionOf(wanted) === 'svg' ? await publishedSvg(real) : undefined;
      if (real === undefined || (extensionOf(wanted) === 'svg' && svg === undefined)) return next();
      response.setHeader('Content-Type', TYPES[extensionOf(wanted)] ?? 'application/octet-stream');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (svg !== undefined) response.end(svg);
      else createReadStream(real).on('error', () => next()).pipe(response);
    })().catch(next);
  };
}
