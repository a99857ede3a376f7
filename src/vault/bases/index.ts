/**
 * Obsidian Bases: `.base` files and `base` code blocks evaluated at build time
 * over the published notes, and their views rendered as HTML trees.
 */
export { evaluateBase } from './base.ts';
export { renderBase, renderBaseView, type BaseRenderContext } from './render-view.ts';
export type {
  BaseColumn,
  BaseGroup,
  BaseNote,
  BaseOptions,
  BaseProblem,
  BaseResult,
  BaseRow,
  BaseSource,
  BaseSummary,
  BaseView,
  CellValue,
} from './types.ts';
