import { describe, expect, it } from 'vitest';
import { withoutRouteLines } from '../../src/cli/route-lines.ts';

/** What the build log shows of Astro's output, fed in the chunks given. */
function shown(...chunks: string[]): string[] {
  const lines: string[] = [];
  const filter = withoutRouteLines((text) => lines.push(text.trimEnd()), (line) => lines.push(`[quire] ${line}`));
  for (const chunk of chunks) filter.push(chunk);
  filter.end();
  return lines;
}

describe('the build log without a line per page', () => {
  it('counts the pages where their lines stood, rendered and copied apart, and keeps every other line', () => {
    expect(
      shown(
        ' generating static routes \n',
        '04:25:59   ├─ /404.html04:25:59   ├─ /robots.txt04:25:59   ├─ /rss.xml (+80ms) \n',
        '04:25:59   ├─ /home/index.html (+18ms) (cached)\n   (+8ms)\n',
        '04:25:59   └─ /deep/note/index.html (cached)\n',
        '04:25:59 ✓ Completed in 391ms.\n',
      ),
    ).toEqual([' generating static routes', '[quire] 3 pages written: 1 rendered, 2 unchanged since the last build', '04:25:59 ✓ Completed in 391ms.']);
  });

  it('says nothing of pages when Astro wrote none', () => {
    expect(shown('04:25:58 [build] output: "static"\n', 'last line without a newline')).toEqual(['04:25:58 [build] output: "static"', 'last line without a newline']);
  });
});
