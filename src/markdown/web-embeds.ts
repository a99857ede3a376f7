/**
 * Which web addresses Quire shows as more than an image, as Obsidian does:
 * a YouTube video as its player. Shared by the Markdown side, which marks
 * them, and the HTML side, which builds the player once the note's HTML is safe.
 */

export interface YouTubeVideo {
  id: string;
  /** Where to start, in seconds. */
  start?: number;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);

/** `90`, `90s`, `1m30s`, `1h2m3s` in seconds. */
function seconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || !match[0]) return undefined;
  const total = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return total > 0 ? total : undefined;
}

/** The video a YouTube address shows (`youtube.com/watch?v=…`, `youtu.be/…`, `/shorts/…`, `/embed/…`, `/live/…`), if it is one. */
export function youTubeVideo(address: string): YouTubeVideo | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  let id: string | undefined;
  if (host === 'youtu.be') id = url.pathname.split('/')[1];
  else if (YOUTUBE_HOSTS.has(host)) {
    const [first, second] = url.pathname.split('/').filter(Boolean);
    id = first === 'watch' ? (url.searchParams.get('v') ?? undefined) : first === 'shorts' || first === 'embed' || first === 'live' || first === 'v' ? second : undefined;
  }
  if (!id || !VIDEO_ID.test(id)) return undefined;
  const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return start === undefined ? { id } : { id, start };
}

/** The privacy-enhanced player's address: YouTube sets no cookie until the video is played. */
export const youTubePlayer = (video: YouTubeVideo): string => `https://www.youtube-nocookie.com/embed/${video.id}${video.start ? `?start=${video.start}` : ''}`;

/** The video's own page, which the link beside the player opens. */
export const youTubePage = (video: YouTubeVideo): string => `https://www.youtube.com/watch?v=${video.id}${video.start ? `&t=${video.start}s` : ''}`;

/** A post on X (Twitter), which Obsidian embeds from its site; Quire links to it instead of loading X's script. */
export const isPost = (address: string): boolean => /^https?:\/\/(www\.|mobile\.)?(twitter|x)\.com\/[^/]+\/status\/\d+/i.test(address);
