/**
 * Why: an attachment is published under its own name, and a static host
 * serves it by its extension. A file named `diagram.png` that holds an HTML
 * page would be one host's misjudgement away from running as a page of the
 * site. So an attachment is published only when its first bytes are those
 * of the format its extension names (the formats Obsidian accepts, as
 * src/vault/prepare/embeds.ts lists them).
 */

/** How many bytes of a file are read to tell its format. */
export const SIGNATURE_BYTES = 4096;

interface Format {
  name: string;
  matches(head: Uint8Array): boolean;
}

const ascii = (head: Uint8Array, at: number, text: string) => text.split('').every((char, i) => head[at + i] === char.charCodeAt(0));
const bytes = (head: Uint8Array, at: number, values: number[]) => values.every((value, i) => head[at + i] === value);
const text = (head: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(head);

/** An ISO media file (MP4, QuickTime, 3GP, AVIF): a box of type `ftyp` first, whose brands are in its first bytes. */
const isoBrands = (head: Uint8Array): string | undefined => (ascii(head, 4, 'ftyp') ? text(head.subarray(8, 64)) : undefined);

const FORMATS: Record<string, Format> = {
  png: { name: 'a PNG image', matches: (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { name: 'a JPEG image', matches: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]) },
  jpeg: { name: 'a JPEG image', matches: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]) },
  gif: { name: 'a GIF image', matches: (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a') },
  bmp: { name: 'a BMP image', matches: (h) => ascii(h, 0, 'BM') },
  webp: { name: 'a WebP image', matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP') },
  avif: { name: 'an AVIF image', matches: (h) => /avi[fs]/.test(isoBrands(h) ?? '') },
  svg: {
    name: 'an SVG image',
    // Text that opens with markup (an XML declaration, a comment, a doctype or the root) and has an <svg> root near the top.
    matches: (h) => !h.includes(0) && /^(\uFEFF)?\s*</.test(text(h)) && /<svg[\s>]/.test(text(h)),
  },
  mp3: { name: 'an MP3 file', matches: (h) => ascii(h, 0, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0) },
  wav: { name: 'a WAV file', matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE') },
  m4a: { name: 'an M4A file', matches: (h) => isoBrands(h) !== undefined },
  ogg: { name: 'an Ogg file', matches: (h) => ascii(h, 0, 'OggS') },
  ogv: { name: 'an Ogg video', matches: (h) => ascii(h, 0, 'OggS') },
  '3gp': { name: 'a 3GP file', matches: (h) => (isoBrands(h) ?? '').startsWith('3g') },
  flac: { name: 'a FLAC file', matches: (h) => ascii(h, 0, 'fLaC') },
  mp4: { name: 'an MP4 video', matches: (h) => isoBrands(h) !== undefined },
  // QuickTime files may open with other boxes than `ftyp`.
  mov: { name: 'a QuickTime video', matches: (h) => ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].some((box) => ascii(h, 4, box)) },
  webm: { name: 'a WebM video', matches: (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  mkv: { name: 'a Matroska video', matches: (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  pdf: { name: 'a PDF', matches: (h) => ascii(h, 0, '%PDF-') },
};

/**
 * Whether the first bytes of a file (up to SIGNATURE_BYTES) are those of the
 * format its extension names. Undefined when they are, else what the
 * extension promised, for the report: `a PNG image`.
 */
export function formatMismatch(path: string, head: Uint8Array): string | undefined {
  const format = FORMATS[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
  if (!format) return 'a file of a kind Quire publishes';
  return format.matches(head) ? undefined : format.name;
}
