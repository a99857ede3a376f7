import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { youTubeVideo } from '../../../src/markdown/web-embeds.ts';
import { markBlocks } from '../../../src/vault/prepare/blocks.ts';
import { parseMarkdown } from '../../../src/vault/prepare/markdown.ts';
import { renderToHast } from '../../../src/vault/prepare/render.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const tree = (markdown: string) => fromHtml(renderMarkdown(markdown), { fragment: true });

describe('YouTube addresses', () => {
  it('give the video and where it starts, in every form YouTube shares', () => {
    expect(youTubeVideo('https://www.youtube.com/watch?v=NnTvZWp5Q7o')).toEqual({ id: 'NnTvZWp5Q7o' });
    expect(youTubeVideo('https://youtu.be/NnTvZWp5Q7o?si=abc&t=90')).toEqual({ id: 'NnTvZWp5Q7o', start: 90 });
    expect(youTubeVideo('https://m.youtube.com/watch?v=NnTvZWp5Q7o&t=1m30s')).toEqual({ id: 'NnTvZWp5Q7o', start: 90 });
    expect(youTubeVideo('https://www.youtube.com/shorts/NnTvZWp5Q7o')).toEqual({ id: 'NnTvZWp5Q7o' });
    expect(youTubeVideo('https://www.youtube.com/embed/NnTvZWp5Q7o?start=5')).toEqual({ id: 'NnTvZWp5Q7o', start: 5 });
    expect(youTubeVideo('https://www.youtube.com/watch?v=bad"id')).toBeUndefined();
    expect(youTubeVideo('https://www.youtube.com/channel/UC123')).toBeUndefined();
    expect(youTubeVideo('https://example.com/watch?v=NnTvZWp5Q7o')).toBeUndefined();
    expect(youTubeVideo('javascript:alert(1)//youtu.be/NnTvZWp5Q7o')).toBeUndefined();
  });
});

describe('web embeds', () => {
  it('show ![](YouTube) as the privacy-enhanced player, lazy, sandboxed, with a plain link to the video', () => {
    const page = tree('Text.\n\n![](https://www.youtube.com/watch?v=NnTvZWp5Q7o)\n');
    const frame = select('div.embed-youtube > iframe', page)!;
    expect(frame.properties).toMatchObject({ src: 'https://www.youtube-nocookie.com/embed/NnTvZWp5Q7o', loading: 'lazy', title: 'YouTube video' });
    const sandbox = String(frame.properties.sandbox);
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).not.toMatch(/allow-top-navigation|allow-forms|allow-modals/);
    expect(select('div.embed-youtube a', page)?.properties.href).toBe('https://www.youtube.com/watch?v=NnTvZWp5Q7o');
    expect(selectAll('img', page)).toEqual([]);
    // A block, not a frame inside a paragraph.
    expect(select('p > .embed-youtube', page)).toBeUndefined();
  });

  it('keep a youtu.be link inside a sentence inline, with its start and its alt text as title', () => {
    const page = tree('See ![My talk](https://youtu.be/NnTvZWp5Q7o?t=90) here.');
    const frame = select('p > span.embed-youtube > iframe', page)!;
    expect(frame.properties).toMatchObject({ src: 'https://www.youtube-nocookie.com/embed/NnTvZWp5Q7o?start=90', title: 'YouTube video: My talk' });
    expect(select('span.embed-youtube a', page)?.properties.href).toBe('https://www.youtube.com/watch?v=NnTvZWp5Q7o&t=90s');
  });

  it('carry a block id written after the video', () => {
    expect(select('[id="^talk"]', tree('![](https://youtu.be/NnTvZWp5Q7o)\n^talk\n'))?.properties.className).toEqual(['embed-web', 'embed-youtube']);
  });

  it('leave other images as images, and a note’s own markup cannot make a player', () => {
    expect(select('img', tree('![](https://example.com/a.png)'))?.properties.src).toBe('https://example.com/a.png');
    const forged = tree('<div data-quire-youtube="NnTvZWp5Q7o">x</div>');
    expect(selectAll('iframe', forged)).toEqual([]);
  });

  it('show a post on X as a link to it, not as a broken picture', () => {
    const page = tree('![](https://twitter.com/obsdmd/status/1580548874246443010)');
    expect(selectAll('img', page)).toEqual([]);
    expect(select('a', page)).toMatchObject({ properties: { href: 'https://twitter.com/obsdmd/status/1580548874246443010' }, children: [{ type: 'text', value: 'View the post on X' }] });
  });

  it('give a frame the note’s HTML keeps a plain link to the page it shows', () => {
    const markdown = 'Before.\n\n<iframe src="https://example.com/embedded" width="400" height="300"></iframe>\n\nAfter.\n';
    const parsed = parseMarkdown(markdown);
    markBlocks(parsed);
    const html = toHtml(renderToHast(parsed, 'trust'));
    const page = fromHtml(html, { fragment: true });
    expect(select('iframe', page)?.properties.src).toBe('https://example.com/embedded');
    expect(select('p.embed-web-link > a', page)).toMatchObject({ properties: { href: 'https://example.com/embedded', target: '_blank' }, children: [{ type: 'text', value: 'Open the embedded page (example.com)' }] });
  });
});
