// A fault-plan answer: up to maxFaults rows of time, kind and target, limited to the kinds and
// processes the exercise allows (each row is the run view's fault editor), and a button that opens the
// scenario with these faults in the run view, to try the plan before submitting it. A plan made in the run view
// (message actions such as hold and deliver now, placed at events) is taken from that run by its address.
import { api } from '/js/api.js';
import { el, notice } from '/js/dom.js';
import { FaultEditor } from '/js/run/faults.js';
import { faultText, faultTimeText } from '/js/run/event-text.js';
import { startRun, runViewUrl } from '/js/lab/open-run.js';

/** The processes a fault may target: input.nodes is a list of ids, or a count. */
function allowedNodes(spec) {
  return Array.isArray(spec.nodes) ? spec.nodes : Array.from({ length: spec.nodes }, (_, i) => i);
}

export class FaultPlanInput {
  /**
   * @param spec        the exercise's input (recipe, maxFaults, kinds, nodes)
   * @param idPrefix    prefix of element ids
   * @param behaviours  the protocol's Byzantine behaviours
   * @param beforeLeave awaited before going to the run view (saves the draft)
   */
  constructor(spec, idPrefix, behaviours, beforeLeave) {
    this.spec = spec;
    this.idPrefix = idPrefix;
    this.behaviours = behaviours;
    this.nodes = allowedNodes(spec);
    this.rows = [];
    this.made = 0;
    this.listeners = [];
    this.list = el('ol', { class: 'fault-rows' });
    this.add = el('button', { type: 'button', class: 'button small' }, 'Add a fault');
    this.add.addEventListener('click', () => {
      this.#addRow({ at: 0, kind: spec.kinds[0], target: this.nodes[0], params: {} }).at.focus();
      this.#changed();
    });
    this.feedback = el('ul', { class: 'plan-feedback' });
    this.tryStatus = el('div', { 'aria-live': 'polite' });
    this.tryButton = el('button', { type: 'button', class: 'button' }, 'Try it in the run view');
    this.tryButton.addEventListener('click', () => this.#tryIt(beforeLeave));
    this.fromRun = el('input', { id: `${idPrefix}-from-run`, type: 'text', placeholder: 'https://…/run.html?id=…' });
    this.fromRunButton = el('button', { type: 'button', class: 'button small' }, 'Take its plan');
    this.fromRunButton.addEventListener('click', () => this.#takeFromRun());
    this.element = el('div', { class: 'fault-plan-answer' },
      el('p', { class: 'hint' }, `At most ${spec.maxFaults} ${spec.maxFaults === 1 ? 'fault' : 'faults'}; `
        + `kinds: ${spec.kinds.map((k) => k.toLowerCase().replace(/_/g, ' ')).join(', ')}. `
        + 'Times are in ticks of virtual time from the start of the run.'),
      this.list, this.add, this.feedback,
      el('p', {}, this.tryButton), this.tryStatus,
      el('div', { class: 'inline-field' }, el('label', { htmlFor: this.fromRun.id }, 'Or take the plan of a run of this scenario (its address)'),
        this.fromRun, this.fromRunButton));
    this.#refresh();
  }

  #addRow(fault) {
    const number = ++this.made;
    const prefix = `${this.idPrefix}-fault-${number}`;
    const editor = new FaultEditor(Math.max(...this.nodes) + 1, this.behaviours, this.spec.kinds, prefix);
    [...editor.target.options].filter((o) => !this.nodes.includes(Number(o.value))).forEach((o) => o.remove());
    editor.load(fault);
    const at = el('input', { id: `${prefix}-at`, type: 'number', min: '0', step: '1', value: String(fault.at ?? 0) });
    // An action taken in the run view happens at an event, not at a time: it keeps its place.
    const atEvent = fault.atEvent ?? null;
    const when = atEvent === null ? el('div', { class: 'field' }, el('label', { htmlFor: at.id }, 'At time'), at)
      : el('p', { class: 'field' }, faultTimeText(fault));
    const legend = el('legend', {});
    const remove = el('button', { type: 'button', class: 'button small' }, 'Remove');
    const item = el('li', {}, el('fieldset', { class: 'fault-row' }, legend, when, editor.element, remove));
    const row = { editor, at, atEvent, item, legend, remove };
    remove.addEventListener('click', () => {
      this.rows.splice(this.rows.indexOf(row), 1);
      item.remove();
      this.#refresh();
      this.#changed();
      this.add.focus();
    });
    item.addEventListener('input', () => this.#changed());
    item.addEventListener('change', () => this.#changed());
    this.rows.push(row);
    this.list.append(item);
    this.#refresh();
    return row;
  }

  #refresh() {
    this.rows.forEach((row, i) => {
      row.legend.textContent = `Fault ${i + 1}`;
      row.remove.setAttribute('aria-label', `Remove fault ${i + 1}`);
    });
    this.add.disabled = this.rows.length >= this.spec.maxFaults;
    if (this.rows.length === 0) {
      this.list.replaceChildren();
    }
  }

  #changed() {
    this.mark([]);
    this.listeners.forEach((listener) => listener());
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  /** Every row that reads, for a draft (a row with a problem is left out until it is fixed). */
  draft() {
    const faults = [];
    for (const row of this.rows) {
      try {
        faults.push(this.#read(row));
      } catch {
        // An unfinished row is not saved yet; the submission will name its problem.
      }
    }
    return { faults };
  }

  #read(row) {
    if (row.atEvent !== null) {
      try {
        return { at: null, atEvent: row.atEvent, ...row.editor.read() };
      } catch (error) {
        throw new Error(`${row.legend.textContent}: ${error.message}`);
      }
    }
    const at = Number(row.at.value);
    if (row.at.value.trim() === '' || !Number.isInteger(at) || at < 0) {
      throw new Error(`${row.legend.textContent}: the time must be a whole number of ticks, 0 or more.`);
    }
    let fault;
    try {
      fault = row.editor.read();
    } catch (error) {
      throw new Error(`${row.legend.textContent}: ${error.message}`);
    }
    return { at, ...fault };
  }

  answer() {
    return { faults: this.rows.map((row) => this.#read(row)) };
  }

  load(answer) {
    this.rows.forEach((row) => row.item.remove());
    this.rows = [];
    (answer?.faults ?? []).slice(0, this.spec.maxFaults).forEach((fault) => this.#addRow(fault));
    this.#refresh();
  }

  cellLabel(id) {
    return /^\d+$/.test(id) ? `fault ${Number(id) + 1}` : id;
  }

  focusCell(id) {
    this.rows[Number(id)]?.at.focus();
  }

  /** A plan is graded as a whole (does the run break the property?), so feedback is listed under it. */
  mark(cellGrades) {
    this.feedback.replaceChildren(...cellGrades.filter((g) => !g.correct)
      .map((g) => el('li', { class: 'wrong' }, g.feedback || 'Not right.')));
  }

  disable(disabled) {
    this.rows.forEach((row) => {
      row.item.querySelectorAll('input, select, button').forEach((control) => { control.disabled = disabled; });
    });
    this.add.disabled = disabled || this.rows.length >= this.spec.maxFaults;
  }

  /** Loads the faults a run added to this scenario (the run's address or id), replacing the rows. */
  async #takeFromRun() {
    this.tryStatus.replaceChildren();
    const text = this.fromRun.value.trim();
    const id = (text.match(/[?&]id=([0-9a-f-]+)/i) ?? [null, text])[1];
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      this.tryStatus.replaceChildren(notice('Give the address of the run (…/run.html?id=…) or its id.'));
      return;
    }
    try {
      const { recipe } = await api.get(`/api/runs/${encodeURIComponent(id)}`);
      const scenario = this.spec.recipe;
      if (recipe.protocol !== scenario.protocol || JSON.stringify(recipe.params) !== JSON.stringify(scenario.params)) {
        this.tryStatus.replaceChildren(notice('That run is not of this challenge\'s scenario: open it with "Try it in the run view".'));
        return;
      }
      const own = recipe.faults.slice((scenario.faults ?? []).length);
      if (own.length > this.spec.maxFaults) {
        this.tryStatus.replaceChildren(notice(`That run has ${own.length} faults and actions; the plan may have at most ${this.spec.maxFaults}.`));
        return;
      }
      this.load({ faults: own });
      this.#changed();
      this.tryStatus.replaceChildren(notice(`Took ${own.length} ${own.length === 1 ? 'fault' : 'faults'} from the run.`, 'info'));
    } catch (error) {
      this.tryStatus.replaceChildren(notice(`The run could not be read: ${error.message}`));
    }
  }

  async #tryIt(beforeLeave) {
    this.tryStatus.replaceChildren();
    let faults;
    try {
      ({ faults } = this.answer());
    } catch (error) {
      this.tryStatus.replaceChildren(notice(error.message));
      return;
    }
    this.tryButton.disabled = true;
    try {
      const recipe = { ...this.spec.recipe, faults: [...(this.spec.recipe.faults ?? []), ...faults] };
      const run = await startRun({ recipe });
      await beforeLeave();
      location.assign(runViewUrl(run.id));
    } catch (error) {
      this.tryStatus.replaceChildren(notice(`The run could not be started: ${error.message}`));
      this.tryButton.disabled = false;
    }
  }
}

export function faultPlanAnswerText(spec, answer) {
  const faults = answer?.faults ?? [];
  if (faults.length === 0) {
    return el('p', {}, 'No faults.');
  }
  return el('ol', {}, ...faults.map((fault) => el('li', {}, `${faultText(fault)} ${faultTimeText(fault)}`)));
}
