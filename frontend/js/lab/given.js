// The variant's data tables ("given"): each process's initial value, a traitor's lies, and so on.
import { el } from '/js/dom.js';

/** One table; its caption is the table's title so screen readers name it. */
export function givenTable(given) {
  const head = el('tr', {}, el('td', {}), ...given.columns.map((c) => el('th', { scope: 'col' }, c)));
  const rows = given.rows.map((row) => el('tr', {},
    el('th', { scope: 'row' }, row.label), ...row.cells.map((cell) => el('td', {}, cell))));
  return el('div', { class: 'table-scroll' },
    el('table', { class: 'data given-table' }, el('caption', {}, given.title), el('thead', {}, head), el('tbody', {}, ...rows)));
}

export function givenTables(list) {
  return (list ?? []).map(givenTable);
}
