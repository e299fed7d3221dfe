// A grid answer (vector, matrix, table): one control per cell listed in input.cells, blank cells
// elsewhere. Cells with a vocabulary are selects, others text fields; the don't-care mark is offered
// when the exercise has one. Arrow keys move between cells (a select's value is then picked by typing
// its first letter, or from its list with Alt+↓), Tab walks them in reading order. The header row and
// the row labels stay in view while a large grid scrolls.
import { el } from '/js/dom.js';
import { cellProblem } from '/js/lab/cell-format.js';

const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export class GridInput {
  constructor(spec, idPrefix) {
    this.spec = spec;
    this.idPrefix = idPrefix;
    this.cells = new Map();
    this.listeners = [];
    this.fillable = new Set(spec.cells);
    this.count = el('p', { class: 'hint grid-count', 'aria-live': 'polite' });
    this.table = el('table', { class: 'answer-grid' },
      el('thead', {}, el('tr', {}, el('td', {}),
        ...spec.columns.map((c) => el('th', { scope: 'col' }, c.label)))),
      el('tbody', {}, ...spec.rows.map((row, r) => this.#row(row, r))));
    this.table.addEventListener('keydown', (event) => this.#move(event));
    this.element = el('div', { class: 'grid-answer' },
      el('p', { class: 'hint' }, this.#hint()),
      el('div', { class: 'grid-scroll' }, this.table),
      this.count);
    this.#updateCount();
  }

  #hint() {
    const parts = ['Arrow keys move between cells, Tab goes to the next one.'];
    if (this.spec.vocabulary) {
      parts.push('In a cell, type the first letter of a value, or press Alt+↓ for the list.');
    }
    if (this.spec.dontCare) {
      parts.push(`Where the value does not matter, enter ${this.spec.dontCare} (don't care).`);
    }
    return parts.join(' ');
  }

  #row(row, r) {
    const tds = this.spec.columns.map((column, c) => {
      const id = `${row.id}/${column.id}`;
      if (!this.fillable.has(id)) {
        return el('td', { class: 'blank' });
      }
      const control = this.#control(`${this.idPrefix}-cell-${r}-${c}`, `${row.label}, ${column.label}`);
      control.dataset.cell = id;
      control.dataset.row = String(r);
      control.dataset.col = String(c);
      control.addEventListener('input', () => {
        this.#clearMark(id);
        this.#checkFormat(id);
        this.#updateCount();
        this.listeners.forEach((listener) => listener());
      });
      const tip = el('span', { class: 'cell-tip', id: `${control.id}-tip`, role: 'tooltip' });
      const td = el('td', { class: 'cell' }, control, tip);
      this.cells.set(id, { control, td, tip, label: `${row.label}, ${column.label}`, format: this.spec.formats?.[column.id],
        rowId: row.id });
      return td;
    });
    return el('tr', { 'data-row': row.id }, el('th', { scope: 'row' }, row.label), ...tds);
  }

  #control(id, label) {
    const vocabulary = this.spec.vocabulary;
    let control;
    if (vocabulary) {
      const options = vocabulary.map((value) => el('option', { value }, value));
      if (this.spec.dontCare) {
        options.push(el('option', { value: this.spec.dontCare }, `${this.spec.dontCare} (don't care)`));
      }
      control = el('select', { id }, el('option', { value: '' }, ''), ...options);
    } else {
      control = el('input', { id, type: 'text', autocomplete: 'off', spellcheck: false });
    }
    control.setAttribute('aria-label', label);
    return control;
  }

  /** Moves focus to the nearest fillable cell in the arrow's direction, skipping blank ones. */
  #move(event) {
    const step = MOVES[event.key];
    const from = event.target;
    if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || from.dataset.cell === undefined) {
      return;
    }
    if (from.tagName === 'INPUT') {
      const atStart = from.selectionStart === 0 && from.selectionEnd === 0;
      const atEnd = from.selectionStart === from.value.length;
      if ((event.key === 'ArrowLeft' && !atStart) || (event.key === 'ArrowRight' && !atEnd)) {
        return;
      }
    }
    event.preventDefault();
    let r = Number(from.dataset.row) + step[0];
    let c = Number(from.dataset.col) + step[1];
    while (r >= 0 && r < this.spec.rows.length && c >= 0 && c < this.spec.columns.length) {
      const id = `${this.spec.rows[r].id}/${this.spec.columns[c].id}`;
      if (this.cells.has(id)) {
        this.cells.get(id).control.focus();
        return;
      }
      r += step[0];
      c += step[1];
    }
  }

  #updateCount() {
    const filled = [...this.cells.values()].filter((cell) => cell.control.value.trim() !== '').length;
    this.count.textContent = `${filled} of ${this.cells.size} cells filled.`;
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  /** The cells filled so far, for a draft. */
  draft() {
    const cells = {};
    for (const [id, cell] of this.cells) {
      const value = cell.control.value.trim();
      if (value !== '') {
        cells[id] = value;
      }
    }
    return { cells };
  }

  /** Marks a cell whose value its column cannot hold, with the reason, as the student types. */
  #checkFormat(id) {
    const cell = this.cells.get(id);
    const problem = cellProblem(cell.format, cell.control.value, this.spec.dontCare);
    cell.td.classList.toggle('unreadable', problem !== null);
    if (problem !== null) {
      cell.control.setAttribute('aria-invalid', 'true');
      cell.control.setAttribute('aria-describedby', cell.tip.id);
      cell.tip.textContent = problem;
    }
    return problem;
  }

  /** The answer to submit; throws an Error in words (and focuses the cell) when a cell is empty or unreadable. */
  answer() {
    const unreadable = [...this.cells.keys()].map((id) => [id, this.#checkFormat(id)]).filter(([, problem]) => problem);
    if (unreadable.length > 0) {
      const [id, problem] = unreadable[0];
      this.cells.get(id).control.focus();
      throw new Error(`${unreadable.length === 1 ? 'One cell cannot' : `${unreadable.length} cells cannot`} be read; `
        + `the first is ${this.cells.get(id).label}: ${problem} Nothing was submitted.`);
    }
    const answer = this.draft();
    const empty = [...this.cells.keys()].filter((id) => !(id in answer.cells));
    if (empty.length > 0) {
      const first = this.cells.get(empty[0]);
      first.control.focus();
      throw new Error(`Fill every cell: ${empty.length === 1 ? 'one is' : `${empty.length} are`} still empty `
        + `(the first is ${first.label}).`);
    }
    return answer;
  }

  load(answer) {
    const values = answer?.cells ?? {};
    for (const [id, cell] of this.cells) {
      cell.control.value = values[id] ?? '';
    }
    this.#updateCount();
  }

  cellLabel(id) {
    return this.cells.get(id)?.label ?? id;
  }

  focusCell(id) {
    this.cells.get(id)?.control.focus();
  }

  /** Marks the rows with a wrong cell (the feedback level tells rows, not cells). */
  markRows(rowGrades) {
    this.table.querySelectorAll('tr[data-row]').forEach((tr) => tr.classList.remove('row-wrong'));
    for (const row of rowGrades) {
      if (row.wrong > 0) {
        this.table.querySelector(`tr[data-row="${CSS.escape(row.row)}"]`)?.classList.add('row-wrong');
      }
    }
  }

  rowLabel(id) {
    return this.spec.rows.find((row) => row.id === id)?.label ?? id;
  }

  /** Marks each graded cell right or wrong; a wrong cell carries its feedback on hover and focus. */
  mark(cellGrades) {
    for (const id of this.cells.keys()) {
      this.#clearMark(id);
    }
    for (const grade of cellGrades) {
      const cell = this.cells.get(grade.cell);
      if (!cell) {
        continue;
      }
      cell.td.classList.add(grade.correct ? 'correct' : 'wrong');
      if (!grade.correct) {
        cell.control.setAttribute('aria-invalid', 'true');
        cell.control.setAttribute('aria-describedby', cell.tip.id);
        cell.tip.textContent = grade.feedback || 'Not right.';
      }
    }
  }

  #clearMark(id) {
    const cell = this.cells.get(id);
    cell.td.classList.remove('correct', 'wrong', 'unreadable');
    cell.control.removeAttribute('aria-invalid');
    cell.control.removeAttribute('aria-describedby');
    cell.tip.textContent = '';
  }

  disable(disabled) {
    this.cells.forEach((cell) => { cell.control.disabled = disabled; });
  }
}

/** An answer in the grid's shape, read-only: how the revealed answer (and an instructor's view of one) is shown. */
export function gridAnswerTable(spec, answer) {
  const values = answer?.cells ?? {};
  return el('div', { class: 'grid-scroll' }, el('table', { class: 'answer-grid revealed' },
    el('thead', {}, el('tr', {}, el('td', {}), ...spec.columns.map((c) => el('th', { scope: 'col' }, c.label)))),
    el('tbody', {}, ...spec.rows.map((row) => el('tr', {}, el('th', { scope: 'row' }, row.label),
      ...spec.columns.map((column) => el('td', {}, values[`${row.id}/${column.id}`] ?? '')))))));
}
