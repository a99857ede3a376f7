/**
 * `astro build` prints a line for every page it writes: 20,000 lines for a
 * large vault, and garbled when pages render four at a time (several routes
 * on a line, lines holding only `(+8ms)`). `npm run build` shows their count
 * instead; `--verbose` shows them as Astro prints them.
 */
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE = /[├└]─ (\S+?)(?=\d\d:\d\d:\d\d|\s|$)/g;
const ONLY_TIME = /^\s*(\(\+\d+m?s\)\s*)+$/;
const COPIED_PAGE = /[├└]─ \S+\.html[^├└]*?\((?:restored|cached)\)/g;

export interface LineFilter {
  push(chunk: string): void;
  end(): void;
}

/** Passes `write` Astro's output without its route lines, with one line counting them where they stood. */
export function withoutRouteLines(write: (text: string) => void, say: (line: string) => void): LineFilter {
  let pending = '';
  let routes = 0;
  let copied = 0;
  const summarise = () => {
    if (routes === 0) return;
    say(`${routes.toLocaleString('en')} pages written: ${(routes - copied).toLocaleString('en')} rendered, ${copied.toLocaleString('en')} unchanged since the last build`);
    routes = 0;
    copied = 0;
  };
  const line = (text: string) => {
    const plain = text.replace(ANSI, '');
    const found = [...plain.matchAll(ROUTE)];
    if (found.length > 0 || (routes > 0 && ONLY_TIME.test(plain))) {
      // Pages, as Astro's own closing line counts them: robots.txt, the feed and the sitemap are files, not pages.
      routes += found.filter((route) => route[1]!.endsWith('.html')).length;
      copied += [...plain.matchAll(COPIED_PAGE)].length;
      return;
    }
    summarise();
    write(`${text}\n`);
  };
  return {
    push(chunk) {
      pending += chunk;
      let at = pending.indexOf('\n');
      while (at !== -1) {
        line(pending.slice(0, at));
        pending = pending.slice(at + 1);
        at = pending.indexOf('\n');
      }
    },
    end() {
      if (pending) line(pending);
      pending = '';
      summarise();
    },
  };
}
