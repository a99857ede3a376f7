import { describe, expect, it } from 'vitest';
import { withoutRouteLines } from '../../src/cli/route-lines.ts';

/** What the build log shows of Astro's output, fed in the chunks given. */
function shown(...chunks: string[]): string[] {
  const lines: string[] = [];
  const filter = withoutRouteLines((text) => lines.push(text.trimEnd()));
  for (const chunk of chunks) filter.push(chunk);
  filter.end();
  return lines;
}

describe('the build log without a line per page', () => {
  it('leaves out the line of every page, and the lines that only time one, and keeps every other line', () => {
    expect(
      shown(
        ' generating static routes \n',
        '04:25:59   ├─ /404.html04:25:59   ├─ /robots.txt04:25:59   ├─ /rss.xml (+80ms) \n',
        '04:25:59   ├─ /home/index.html (+18ms)\n   (+8ms)\n',
        '04:25:59   └─ /deep/note/index.html\n',
        '04:25:59 ✓ Completed in 391ms.\n',
      ),
    ).toEqual([' generating static routes', '04:25:59 ✓ Completed in 391ms.']);
  });

  it('keeps a build log without pages as it is', () => {
    expect(shown('04:25:58 [build] output: "static"\n', 'last line without a newline')).toEqual(['04:25:58 [build] output: "static"', 'last line without a newline']);
  });
});
