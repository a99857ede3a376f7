import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The settings of `.obsidian/app.json` that change how a note reads; absent ones are Obsidian's defaults. */
export interface ObsidianSettings {
  /** A single newline joins lines instead of breaking them (Obsidian's default: off; R22). */
  strictLineBreaks?: boolean;
}

/**
 * The settings of the vault's `.obsidian/app.json` that change how notes
 * read. Obsidian writes only the settings changed from its defaults; a file
 * that is missing or not JSON leaves every default, as Obsidian would.
 */
export async function readObsidianSettings(root: string): Promise<ObsidianSettings> {
  const text = await readFile(path.join(root, '.obsidian', 'app.json'), 'utf8').catch(() => undefined);
  let app: unknown;
  try {
    app = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return {};
  }
  const strict = app && typeof app === 'object' ? (app as Record<string, unknown>).strictLineBreaks : undefined;
  return typeof strict === 'boolean' ? { strictLineBreaks: strict } : {};
}
