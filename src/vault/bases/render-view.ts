/**
 * A base's views as HTML trees: a table (sortable by its headers once the
 * script runs), cards, or a list; groups under their value, summaries below.
 * The same trees serve a `base` block in a note and a `.base` file's page.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BaseResult, BaseRow, BaseSummary, BaseView, CellValue } from './types.ts';
import { imageSource, renderValue, sortKey, valueText, type ValueContext } from './render-value.ts';

export type BaseRenderContext = ValueContext;

const text = (value: string): ElementContent => ({ type: 'text', value });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function caption(view: BaseView): ElementContent[] {
  if (view.unsupported) return [h('span', { className: ['base-view-name'] }, view.name)];
  const shown = view.groups.reduce((sum, group) => sum + group.rows.length, 0);
  const count = view.limitApplied ? `${shown} of ${plural(view.total, 'note')}` : plural(view.total, 'note');
  return [h('span', { className: ['base-view-name'] }, view.name), text(' '), h('span', { className: ['base-view-count'] }, count)];
}

function groupLabel(key: CellValue | undefined, context: BaseRenderContext): ElementContent[] {
  const nodes = key === undefined ? [] : renderValue(key, context);
  return nodes.length ? nodes : [h('span', { className: ['base-no-value'] }, 'No value')];
}

function summaryNodes(summary: BaseSummary, context: BaseRenderContext): ElementContent[] {
  const value = renderValue(summary.value, context);
  return [h('span', { className: ['base-summary-name'] }, summary.name), text(' '), ...(value.length ? value : [text('—')])];
}

function tableHead(view: BaseView): Element {
  const primary = view.sort[0];
  return h('thead', h('tr', view.columns.map((column) => {
    const sorted = primary?.key === column.key ? (primary.direction === 'DESC' ? 'descending' : 'ascending') : undefined;
    return h('th', { scope: 'col', dataKey: column.key, ...(sorted ? { ariaSort: sorted } : {}) }, column.label);
  })));
}

function tableRow(row: BaseRow, context: BaseRenderContext): Element {
  return h('tr', row.cells.map((cell) => {
    const numeric = typeof cell === 'number';
    return h('td', { dataSort: sortKey(cell), ...(numeric ? { className: ['base-numeric'] } : {}) }, renderValue(cell, context));
  }));
}

function renderTable(view: BaseView, context: BaseRenderContext): Element[] {
  const width = Math.max(1, view.columns.length);
  const bodies = view.groups.map((group) => {
    const heading = group.key === undefined ? [] : [
      h('tr', { className: ['base-group-row'] }, h('th', { scope: 'rowgroup', colSpan: width }, [...groupLabel(group.key, context), ' ', h('span', { className: ['count'] }, `(${group.rows.length})`)])),
    ];
    return h('tbody', [...heading, ...group.rows.map((row) => tableRow(row, context))]);
  });
  const summaries = view.columns.map((column) => view.summaries.filter((s) => s.key === column.key));
  const footer = view.summaries.some((s) => view.columns.some((c) => c.key === s.key))
    ? [h('tfoot', h('tr', { className: ['base-summaries-row'] }, summaries.map((found) => h('td', found.flatMap((s) => summaryNodes(s, context))))))]
    : [];
  const table = h('table', { className: ['base-table'], dataBaseSortable: '' }, [tableHead(view), ...bodies, ...footer]);
  // A wide table scrolls inside its own box; the box takes focus so a keyboard can scroll it.
  return [h('div', { className: ['base-scroll'], tabIndex: 0, role: 'region', ariaLabel: view.name }, table)];
}

/** The properties a card or list item shows: every column but the note's name, which is its title. */
function otherCells(view: BaseView, row: BaseRow): { label: string; cell: CellValue }[] {
  return view.columns.flatMap((column, i) => (column.key === 'file.name' ? [] : [{ label: column.label, cell: row.cells[i] ?? null }]));
}

function card(view: BaseView, row: BaseRow, context: BaseRenderContext): Element {
  const cover = row.image === undefined ? {} : imageSource(row.image, context);
  const image = cover.src
    ? [h('img', { src: cover.src, alt: '', loading: 'lazy', className: ['base-card-image'] })]
    : cover.colour ? [h('div', { className: ['base-card-image', 'base-swatch'], style: `background-color: ${cover.colour}` })] : [];
  const properties = otherCells(view, row).flatMap(({ label, cell }) => {
    const nodes = renderValue(cell, context);
    return nodes.length ? [h('div', [h('dt', label), h('dd', nodes)])] : [];
  });
  return h('li', { className: ['base-card'] }, [
    ...image,
    h('a', { href: row.note.href, className: ['internal', 'base-card-title'] }, row.note.title),
    ...(properties.length ? [h('dl', properties)] : []),
  ]);
}

function listItem(view: BaseView, row: BaseRow, context: BaseRenderContext): Element {
  const values = otherCells(view, row).map(({ cell }) => renderValue(cell, context)).filter((nodes) => nodes.length);
  const rest = values.flatMap((nodes, i) => (i === 0 ? nodes : [', ', ...nodes]));
  return h('li', [h('a', { href: row.note.href, className: ['internal'] }, row.note.title), ...(rest.length ? [' ', h('span', { className: ['base-list-props'] }, rest)] : [])]);
}

function renderItems(view: BaseView, context: BaseRenderContext): Element[] {
  const make = (rows: BaseRow[]) =>
    view.type === 'cards'
      ? h('ul', { className: ['base-cards'] }, rows.map((row) => card(view, row, context)))
      : h('ul', { className: ['base-list'] }, rows.map((row) => listItem(view, row, context)));
  const groups = view.groups.map((group) => {
    if (group.key === undefined) return make(group.rows);
    const label = valueText(group.key) || 'No value';
    return h('div', { className: ['base-group'], role: 'group', ariaLabel: label }, [
      h('p', { className: ['base-group-heading'] }, [...groupLabel(group.key, context), ' ', h('span', { className: ['count'] }, `(${group.rows.length})`)]),
      make(group.rows),
    ]);
  });
  const labelOf = (key: string) => view.columns.find((c) => c.key === key)?.label ?? key.replace(/^(?:note|formula)\./, '');
  const summaries = view.summaries.length
    ? [h('dl', { className: ['base-summaries'] }, view.summaries.map((s) => h('div', [h('dt', labelOf(s.key)), h('dd', summaryNodes(s, context))])))]
    : [];
  return [...groups, ...summaries];
}

/** One view, with its name and how many notes it shows; a view Quire cannot show says why. */
export function renderBaseView(view: BaseView, context: BaseRenderContext): Element {
  const type = view.unsupported ? 'unsupported' : view.type;
  const figure = (content: ElementContent[]) => h('figure', { className: ['base-view', `base-view-${type}`], dataViewName: view.name }, [h('figcaption', caption(view)), ...content]);
  if (view.unsupported) {
    return figure([
      h('p', { className: ['base-notice'], role: 'note' }, [
        `Quire cannot show this view: ${view.unsupported.message}.`,
        h('code', { className: ['base-notice-expression'] }, view.unsupported.expression),
      ]),
    ]);
  }
  if (view.total === 0) return figure([h('p', { className: ['base-empty'] }, 'No notes match this view.')]);
  return figure(view.type === 'table' ? renderTable(view, context) : renderItems(view, context));
}

/** Every view of a base, one after another; a base whose YAML does not parse says so. */
export function renderBase(result: BaseResult, context: BaseRenderContext): Element {
  if (result.views.length === 0) {
    const first = result.problems[0];
    const notice = first
      ? ['Quire cannot read this base: ', h('code', `${first.file}${first.line ? `:${first.line}` : ''}`), ` ${first.message}.`]
      : ['This base has no views.'];
    return h('div', { className: ['base'], dataBase: '' }, h('p', { className: ['base-notice'], role: 'note' }, notice));
  }
  return h('div', { className: ['base'], dataBase: '' }, result.views.map((view) => renderBaseView(view, context)));
}
