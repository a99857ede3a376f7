import { describe, expect, it } from 'vitest';
import { sanitizeStyle, STYLE_PROPERTIES } from '../../../src/markdown/note-style.ts';

describe('sanitizeStyle: a note’s inline style', () => {
  it('keeps formatting: colours, fonts, alignment, decoration, sizes, spacing and borders', () => {
    expect(sanitizeStyle('color: red; background-color: #ffe58a; font-weight: bold; font-style: italic; font-size: 1.2em')).toBe(
      'color:red;background-color:#ffe58a;font-weight:bold;font-style:italic;font-size:1.2em',
    );
    expect(sanitizeStyle('text-align: center; text-decoration: underline wavy red')).toBe('text-align:center;text-decoration:underline wavy red');
    expect(sanitizeStyle('width: 50%; max-width: 300px; height: auto; margin: 0 auto; padding: 0.5em 1em; border: 1px solid rgb(0 0 0 / 0.2); border-radius: 4px')).toBe(
      'width:50%;max-width:300px;height:auto;margin:0 auto;padding:0.5em 1em;border:1px solid rgb(0 0 0/0.2);border-radius:4px',
    );
    expect(sanitizeStyle('background: linear-gradient(to right, #fff, #eee); color: var(--accent) !important')).toBe(
      'background:linear-gradient(to right,#fff,#eee);color:var(--accent)!important',
    );
  });

  it('drops anything that positions a box out of the note or over the page', () => {
    for (const style of ['position: fixed', 'position:absolute', 'z-index: 9999', 'inset: 0', 'top: 0', 'left: 0', 'transform: translate(-50%, -50%)', 'translate: 10px', 'box-shadow: 0 0 0 100vmax white', 'outline: 100vmax solid white', 'filter: blur(2px)', 'clip-path: inset(0)', 'animation: spin 1s']) {
      expect(sanitizeStyle(style), style).toBeUndefined();
    }
  });

  it('drops a margin or an indent that pulls a box over what stands before it', () => {
    expect(sanitizeStyle('margin-top: -500px')).toBeUndefined();
    expect(sanitizeStyle('margin: 0 0 0 -20em')).toBeUndefined();
    expect(sanitizeStyle('text-indent: -9999px')).toBeUndefined();
    expect(sanitizeStyle('margin-left: calc(0px - 100vw)')).toBeUndefined();
    expect(sanitizeStyle('margin-left: 2em')).toBe('margin-left:2em');
  });

  it('drops url(), image-set(), expression(), @import and any other function that is not a colour, gradient or arithmetic', () => {
    for (const style of [
      'background-image: url(https://tracker.example/p.gif)',
      'background: url("https://tracker.example/p.gif") no-repeat',
      'background: image-set("https://tracker.example/a.png" 1x)',
      'background: -webkit-image-set(url(https://tracker.example/a.png) 1x)',
      'color: expression(alert(1))',
      'list-style: url(https://tracker.example/bullet.png)',
      'border: 1px solid var(--x, url(https://tracker.example/p.gif))',
      'background: element(#header)',
      'font-family: attr(title)',
    ]) {
      expect(sanitizeStyle(style), style).toBeUndefined();
    }
    expect(sanitizeStyle('@import url(https://tracker.example/x.css); color: red')).toBe('color:red');
  });

  it('refuses escapes and property names it does not know, rather than guess how a browser reads them', () => {
    expect(sanitizeStyle('posit\\ion: fixed')).toBeUndefined();
    expect(sanitizeStyle('color: u\\rl(https://tracker.example/p.gif)')).toBeUndefined();
    expect(sanitizeStyle('background: \\75 rl(https://tracker.example/p.gif)')).toBeUndefined();
    expect(sanitizeStyle('-moz-binding: url(x); behavior: url(x.htc)')).toBeUndefined();
    expect(sanitizeStyle('--x: url(https://tracker.example/p.gif)')).toBeUndefined();
  });

  it('writes out only what it parsed: a closing brace or a broken declaration ends nothing', () => {
    expect(sanitizeStyle('color: red; } body { position: fixed')).toBe('color:red');
    expect(sanitizeStyle('color: red; width')).toBe('color:red');
    expect(sanitizeStyle('COLOR: Red')).toBe('COLOR:Red');
  });

  it('allows none of the properties that move a box', () => {
    for (const property of ['position', 'z-index', 'inset', 'top', 'right', 'bottom', 'left', 'transform', 'translate', 'rotate', 'scale', 'float-offset', 'content', 'cursor', 'pointer-events', 'background-image', 'background-attachment']) {
      expect(STYLE_PROPERTIES.has(property), property).toBe(false);
    }
  });
});
