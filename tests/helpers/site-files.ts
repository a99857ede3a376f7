import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file of a built site as text, by its path in the site; Pagefind's index and fragments are gzip, so they are opened too. */
export async function everyFile(dir: string): Promise<{ name: string; text: string }[]> {
  const files = [];
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(full);
    let text = bytes.toString('utf8');
    try {
      // Pagefind's files start with a "pagefind_dcd" signature once decompressed.
      text += gunzipSync(bytes).toString('utf8');
    } catch {
      // not gzip
    }
    files.push({ name: path.relative(dir, full).split(path.sep).join('/'), text });
  }
  return files;
}
