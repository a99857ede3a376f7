/**
 * `astro build` prints a line for every page it writes: 20,000 lines for a
 * large vault, and garbled when pages render four at a time (several routes
 * on a line, lines holding only `(+8ms)`). `npm run build` leaves them out;
 * the build's own line counts the pages written, and `--verbose` shows
 * Astro's lines as it prints them.
 */
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE = /[├└]─ \S/;
const ONLY_TIME = /^\s*(\(\+\d+m?s\)\s*)+$/;

export interface LineFilter {
  push(chunk: string): void;
  end(): void;
}

/** Passes `write` Astro's output without its route lines. */
export function withoutRouteLines(write: (text: string) => void): LineFilter {
  let pending = '';
  let inRoutes = false;
  const line = (text: string) => {
    const plain = text.replace(ANSI, '');
    if (ROUTE.test(plain) || (inRoutes && ONLY_TIME.test(plain))) {
      inRoutes = true;
      return;
    }
    inRoutes = false;
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
    },
  };
}
