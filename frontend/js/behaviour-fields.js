// The parameters of each Byzantine behaviour (see protocols/byzantine in the server and docs/PROTOCOLS.md)
// as form fields, so a traitor of the free run form can be given every parameter a lab gives it: the
// values it equivocates with, the value it relays, and the scripted table of lies, one value per receiver.
import { el } from '/js/dom.js';
import { processLabel } from '/js/process-label.js';
import { parseList } from '/js/run/params.js';

const VALUES = { name: 'values', kind: 'list', label: 'values it tells its receivers in turn (optional, e.g. ATTACK RETREAT)' };
const VALUE = { name: 'value', kind: 'text', label: 'value it relays instead of the truth (optional; empty: the opposite)' };

const FIELDS = {
  silent: [],
  equivocate: [VALUES],
  'corrupt-relays': [VALUE],
  random: [{ name: 'values', kind: 'list', label: 'values it draws from (optional, e.g. ATTACK RETREAT)' }],
  'two-faced': [VALUES, VALUE],
  scripted: [{ name: 'lies', kind: 'lies' }, { name: 'otherwise', kind: 'otherwise' }],
  'wrong-value': [{ name: 'value', kind: 'text', label: 'wrong answer it gives (optional; empty: the correct one plus 1)' }],
};

/**
 * The fields of one behaviour for the traitor of a form row. {@code count()} gives the number of
 * processes now (the lie table has a cell per receiver). read() returns the behaviour's parameters, or
 * throws an Error in words.
 */
export class BehaviourFields {
  constructor(idPrefix, behaviours, count) {
    this.idPrefix = idPrefix;
    this.behaviours = behaviours;
    this.count = count;
    this.element = el('div', { class: 'behaviour-fields' });
    this.inputs = {};
  }

  show(behaviour) {
    this.behaviour = behaviour;
    this.inputs = {};
    this.element.replaceChildren(...(FIELDS[behaviour] ?? []).map((field) => this.#field(field)));
  }

  /** The number of processes changed: the lie table gets a cell per receiver, keeping what was typed. */
  resize() {
    if (this.inputs.lies) {
      const typed = this.inputs.lies.cells.map((cell) => cell.value);
      this.#fillLieCells(this.inputs.lies, typed);
    }
  }

  #field(field) {
    const id = `${this.idPrefix}-${field.name}`;
    if (field.kind === 'lies') {
      const table = { row: el('div', { class: 'lie-cells', id }), cells: [],
        more: el('textarea', { id: `${id}-more`, rows: 2, placeholder: '[{"to": 2, "round": 2, "path": "3", "value": "ATTACK"}]' }) };
      this.#fillLieCells(table, []);
      this.inputs.lies = table;
      return el('fieldset', { class: 'lie-table' },
        el('legend', {}, 'What it tells each process, in every message (empty: the truth, or "otherwise" below)'),
        table.row,
        el('label', { htmlFor: table.more.id }, 'More rows, as JSON (optional): {to, round, path, value} with process ids from 0 (P1 is 0)'),
        table.more);
    }
    if (field.kind === 'otherwise') {
      const input = el('select', { id },
        el('option', { value: 'honest' }, 'honest'),
        ...this.behaviours.filter((b) => b.name !== 'scripted').map((b) => el('option', { value: b.name }, b.name)));
      this.inputs.otherwise = input;
      return el('div', { class: 'field' }, el('label', { htmlFor: id }, 'messages no row covers (otherwise)'), input);
    }
    const input = el('input', { id, type: 'text' });
    this.inputs[field.name] = input;
    return el('div', { class: 'field' }, el('label', { htmlFor: id }, field.label), input);
  }

  #fillLieCells(table, typed) {
    const count = Math.max(1, this.count() ?? 1);
    table.cells = Array.from({ length: count }, (_, to) => el('input', {
      id: `${this.idPrefix}-lie-${to}`, type: 'text', value: typed[to] ?? '', size: 8,
      'aria-label': `value it tells ${processLabel(to)}`,
    }));
    table.row.replaceChildren(...table.cells.map((cell, to) => el('label', { class: 'lie-cell' }, `to ${processLabel(to)}`, cell)));
  }

  read() {
    const params = {};
    for (const [name, input] of Object.entries(this.inputs)) {
      if (name === 'lies') {
        params.lies = this.#readLies(input);
      } else if (name === 'otherwise') {
        if (input.value !== 'honest') {
          params.otherwise = input.value;
        }
      } else if (input.value.trim() !== '') {
        if (name === 'values') {
          const { value, error } = parseList(input.value, 'The values');
          if (error) {
            throw new Error(error);
          }
          params.values = value;
        } else {
          params[name] = input.value.trim();
        }
      }
    }
    return params;
  }

  #readLies(table) {
    const rows = table.cells
      .map((cell, to) => ({ to, value: cell.value.trim() }))
      .filter((row) => row.value !== '')
      .map((row) => ({ to: row.to, value: /^-?\d+$/.test(row.value) ? Number(row.value) : row.value }));
    const more = table.more.value.trim();
    if (more !== '') {
      let extra;
      try {
        extra = JSON.parse(more);
      } catch {
        throw new Error('The extra rows must be a JSON list such as [{"to": 2, "value": "ATTACK"}].');
      }
      if (!Array.isArray(extra)) {
        throw new Error('The extra rows must be a JSON list such as [{"to": 2, "value": "ATTACK"}].');
      }
      // Rows for a single message go first: the first matching row decides.
      rows.unshift(...extra);
    }
    if (rows.length === 0) {
      throw new Error('Give the value it tells at least one process.');
    }
    return rows;
  }
}
