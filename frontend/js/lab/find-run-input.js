// A find-run answer: the student opens the exercise's scenario in the run view, makes the run the exercise asks
// for there (crashes, dropped or held messages, its own order of events), comes back and submits that run. The
// answer is the run's id; the server grades the run's recipe as it holds it.
import { api } from '/js/api.js';
import { el, notice, when } from '/js/dom.js';
import { faultText } from '/js/run/event-text.js';
import { startRun, runViewUrl } from '/js/lab/open-run.js';

/** What the run must show, in words. */
function targetText(target) {
  return target.reaches ? `reaches the goal “${target.description ?? target.reaches}”` : `violates ${target.violates}`;
}

function limitsText(spec) {
  const parts = [];
  if (spec.kinds.length > 0) {
    parts.push(`faults of the kinds ${spec.kinds.map((k) => k.toLowerCase().replace(/_/g, ' ')).join(', ')}`);
  }
  if (spec.maxFaults !== null && spec.maxFaults !== undefined) {
    parts.push(`at most ${spec.maxFaults} ${spec.maxFaults === 1 ? 'fault' : 'faults'}`);
  }
  const limits = parts.length > 0 ? `Use ${parts.join(', ')}; ` : '';
  return `${limits}holding, releasing and delivering messages is always allowed and is not counted.`;
}

export class FindRunInput {
  /**
   * @param spec        the exercise's input (recipe, target, kinds, maxFaults)
   * @param idPrefix    prefix of element ids
   * @param beforeLeave awaited before going to the run view (saves the draft)
   */
  constructor(spec, idPrefix, beforeLeave) {
    this.spec = spec;
    this.listeners = [];
    this.select = el('select', { id: `${idPrefix}-run` });
    this.openButton = el('button', { type: 'button', class: 'button' }, 'Open the scenario in the run view');
    this.openButton.addEventListener('click', () => this.#open(beforeLeave));
    this.status = el('div', { 'aria-live': 'polite' });
    this.feedback = el('ul', { class: 'plan-feedback' });
    this.select.addEventListener('change', () => this.#changed());
    this.element = el('div', { class: 'find-run-answer' },
      el('p', { class: 'hint' }, `Make a run that ${targetText(spec.target)}. ${limitsText(spec)}`),
      el('p', {}, this.openButton), this.status,
      el('div', { class: 'field' }, el('label', { htmlFor: this.select.id }, 'The run to submit'), this.select),
      this.feedback);
    this.wanted = null;
    this.loaded = this.#loadRuns();
  }

  /** The student's runs of this protocol, newest first (the server lists their own runs only). */
  async #loadRuns() {
    try {
      const { runs } = await api.get('/api/runs');
      const mine = runs.filter((run) => run.protocol === this.spec.recipe.protocol);
      this.select.replaceChildren(...mine.map((run) => el('option', { value: run.id },
        `${when(run.createdAt)}: ${run.eventsReached} events${run.parentRunId ? ', a branch' : ''}`)));
      if (mine.length === 0) {
        this.select.append(el('option', { value: '' }, 'No run yet: open the scenario first'));
      }
      this.#select(this.wanted);
    } catch (error) {
      this.status.replaceChildren(notice(`Your runs could not be listed: ${error.message}`));
    }
  }

  #select(runId) {
    if (!runId) {
      return;
    }
    if (![...this.select.options].some((o) => o.value === runId)) {
      this.select.prepend(el('option', { value: runId }, `Run ${runId.slice(0, 8)}`));
    }
    this.select.value = runId;
  }

  async #open(beforeLeave) {
    this.openButton.disabled = true;
    this.status.replaceChildren();
    try {
      const run = await startRun({ recipe: this.spec.recipe });
      // The new run becomes the answer's draft, so it is picked when the student comes back.
      this.wanted = run.id;
      this.#select(run.id);
      this.#changed();
      await beforeLeave();
      location.assign(runViewUrl(run.id));
    } catch (error) {
      this.status.replaceChildren(notice(`The run could not be started: ${error.message}`));
      this.openButton.disabled = false;
    }
  }

  #changed() {
    this.mark([]);
    this.listeners.forEach((listener) => listener());
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  draft() {
    return this.select.value ? { run: this.select.value } : {};
  }

  answer() {
    if (!this.select.value) {
      throw new Error('Open the scenario in the run view and make your run there first.');
    }
    return { run: this.select.value };
  }

  load(answer) {
    this.wanted = answer?.run ?? null;
    this.#select(this.wanted);
  }

  cellLabel() {
    return 'your run';
  }

  focusCell() {
    this.select.focus();
  }

  /** The run is graded as a whole: its feedback is listed under it. */
  mark(cellGrades) {
    this.feedback.replaceChildren(...cellGrades.filter((g) => !g.correct)
      .map((g) => el('li', { class: 'wrong' }, g.feedback || 'Not right.')));
  }

  disable(disabled) {
    this.select.disabled = disabled;
    this.openButton.disabled = disabled;
  }
}

/** A submitted run by its id; the explorer's answer by its faults and scheduling choices. */
export function findRunAnswerText(spec, answer) {
  if (answer?.recipe) {
    const faults = answer.recipe.faults ?? [];
    const choices = answer.recipe.schedule?.length ?? 0;
    return el('div', {},
      el('p', {}, `A run with ${faults.length} ${faults.length === 1 ? 'fault' : 'faults'} and ${choices} scheduling `
        + `${choices === 1 ? 'choice' : 'choices'}:`),
      el('ol', {}, ...faults.map((fault) => el('li', {}, `${faultText(fault)} ${fault.atEvent !== null && fault.atEvent !== undefined
        ? `before event ${fault.atEvent}` : `at time ${fault.at}`}`))));
  }
  return el('p', {}, answer?.run ? `Your run ${answer.run.slice(0, 8)}.` : 'No run.');
}
