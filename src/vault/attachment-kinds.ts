/**
 * What a file beside the notes is, by its extension. Kept apart from the
 * Markdown code that embeds attachments: walking the vault needs it, and
 * `npm run build` walks the vault before Astro starts, to size its heap.
 */
const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'svg', 'webp', 'avif']);
const AUDIO = new Set(['mp3', 'wav', 'm4a', 'ogg', '3gp', 'flac']);
const VIDEO = new Set(['mp4', 'webm', 'ogv', 'mov', 'mkv']);

export type AttachmentKind = 'image' | 'audio' | 'video' | 'pdf' | 'file';

/** What an attachment is, by its extension, as Obsidian's accepted file formats list them. */
export function attachmentKind(path: string): AttachmentKind {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (IMAGE.has(extension)) return 'image';
  if (AUDIO.has(extension)) return 'audio';
  if (VIDEO.has(extension)) return 'video';
  if (extension === 'pdf') return 'pdf';
  return 'file';
}

/** A file the vault keeps beside its notes and a page may show. */
export const isAttachment = (path: string): boolean => /\.[a-z0-9]+$/i.test(path) && !/\.mdx?$/i.test(path) && attachmentKind(path) !== 'file';
