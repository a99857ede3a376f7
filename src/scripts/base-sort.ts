/**
 * Makes the column headers of a base's tables sort its rows. Without this
 * script the table is complete, in the order the base gives; with it each
 * header is a button, and `aria-sort` says which column orders the rows.
 * Rows are sorted within their group, so groups stay as they are.
 */
import { nextDirection, sortOrder, type SortDirection } from './base-sort-order.ts';

function sortBodies(table: HTMLTableElement, column: number, direction: SortDirection): void {
  for (const body of table.tBodies) {
    const rows = [...body.rows].filter((row) => !row.classList.contains('base-group-row'));
    const keys = rows.map((row) => {
      const cell = row.cells[column];
      return cell?.dataset.sort ?? cell?.textContent ?? '';
    });
    // Appending moves each row; the group's heading row stays first.
    for (const index of sortOrder(keys, direction)) body.append(rows[index]!);
  }
}

export function enhanceBaseTable(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'base-sort-button';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      const direction = nextDirection(header.getAttribute('aria-sort'));
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', direction);
      sortBodies(table, column, direction);
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-base-sortable]')) enhanceBaseTable(table);
