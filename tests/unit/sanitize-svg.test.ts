import { describe, expect, it } from 'vitest';
import { sanitizeSvg, UnreadableSvgError } from '../../src/integrations/sanitize-svg.ts';

const HOSTILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [ <!ENTITY pwned "pwned"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60" onload="fetch('/pwned/svg-onload')">
  <style>@import url(/pwned/svg-import); @font-face { font-family: x; src: url(/pwned/svg-font) } .a { fill: url(/pwned/svg-fill#x); stroke: red } .b { fill: url(#grad) }</style>
  <script>fetch('/pwned/svg-script')</script>
  <defs><linearGradient id="grad"><stop offset="0" stop-color="teal"/></linearGradient><symbol id="dot"><circle r="3"/></symbol></defs>
  <foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="fetch('/pwned/svg-foreign')"/></body></foreignObject>
  <a xlink:href="javascript:fetch('/pwned/svg-js')"><text x="1" y="20" onclick="fetch('/pwned/svg-click')">click</text></a>
  <a href="https://example.com/docs"><text x="1" y="40">docs</text></a>
  <image href="https://tracker.example/pwned/svg-image.png" width="10" height="10"/>
  <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>
  <use href="#dot"/><use xlink:href="https://tracker.example/pwned/svg-use.svg#dot"/>
  <rect class="a b" style="fill: url(https://tracker.example/pwned/svg-style#x); stroke: blue" fill="url(#grad)" filter="url(https://tracker.example/pwned/svg-filter.svg#f)" width="5" height="5"/>
  <set attributeName="href" to="javascript:fetch('/pwned/svg-set')"/>
  <animate attributeName="href" values="javascript:fetch('/pwned/svg-animate')"/>
  <filter id="f"><feImage href="https://tracker.example/pwned/svg-feimage.png"/></filter>
</svg>`;

describe('sanitizeSvg: an SVG attachment as it is published', () => {
  const clean = sanitizeSvg(HOSTILE);

  it('removes scripts, event handlers, foreignObject, animations that set links, and javascript: links', () => {
    expect(clean).not.toMatch(/<script|onload|onclick|onerror|foreignObject|<set|<animate|javascript:/i);
  });

  it('removes every reference to elsewhere, in attributes and in CSS', () => {
    expect(clean).not.toMatch(/pwned|tracker\.example|@import|@font-face|<!DOCTYPE|ENTITY/);
  });

  it('keeps the drawing: shapes, gradients, internal references, embedded pictures, links to the web and CSS without URLs', () => {
    expect(clean).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(clean).toContain('<linearGradient id="grad"><stop offset="0" stop-color="teal"/></linearGradient>');
    expect(clean).toContain('<use href="#dot"/>');
    expect(clean).toContain('fill="url(#grad)"');
    expect(clean).toContain('xlink:href="data:image/png;base64,iVBORw0KGgo="');
    expect(clean).toContain('<a href="https://example.com/docs"><text x="1" y="40">docs</text></a>');
    expect(clean).toContain('.a{stroke:red}.b{fill:url(#grad)}');
    expect(clean).toContain('style="stroke:blue"');
  });

  it('refuses a file that is not well-formed SVG', () => {
    expect(() => sanitizeSvg('<html><script>fetch("/pwned")</script></html>')).toThrow(UnreadableSvgError);
    expect(() => sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow(UnreadableSvgError);
  });
});
