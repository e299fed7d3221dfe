// Regrading a lab: preview what would change per student and exercise, then apply exactly that choice
// ("scores never go down" or not). Applying without a fresh preview is not offered.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { points } from '/js/gradebook/format.js';

export class Regrade {
  /**
   * @param form     the regrade form (never-lower checkbox, preview and apply buttons)
   * @param result   where the preview or outcome is shown
   * @param onApplied called after changes were applied, to reload the tables
   */
  constructor(form, result, onApplied) {
    this.form = form;
    this.result = result;
    this.onApplied = onApplied;
    this.apply = form.querySelector('#regrade-apply');
    this.error = form.querySelector('.form-error');
    this.path = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#run(false);
    });
    this.apply.addEventListener('click', () => this.#run(true));
    form.elements.neverLower.addEventListener('change', () => this.#forgetPreview());
  }

  /** Points the form at a lab; another lab's preview or outcome is cleared, this lab's stays in view. */
  show(path) {
    if (path === this.path) {
      return;
    }
    this.path = path;
    this.#forgetPreview();
    this.result.replaceChildren();
  }

  #forgetPreview() {
    this.apply.hidden = true;
  }

  async #run(apply) {
    this.error.textContent = '';
    const buttons = this.form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const neverLower = this.form.elements.neverLower.checked;
      const report = await api.post(this.path, { apply, neverLower });
      this.result.replaceChildren(this.#report(report));
      this.apply.hidden = apply || report.regraded === 0;
      if (apply) {
        await this.onApplied();
      }
    } catch (error) {
      this.error.textContent = error.message;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  /** The counted points that move, plus what the regrade looked at and could not read. */
  #report(report) {
    const moved = report.counted.filter((c) => Math.abs(c.after - c.before) > 1e-9);
    const applied = report.applied;
    const summary = el('p', { class: 'regrade-summary' }, `${applied ? 'Applied' : 'Preview'}: `
      + `${report.submissions} ${report.submissions === 1 ? 'submission' : 'submissions'}, ${report.regraded} graded again, `
      + `${report.scoresChanged} with a different score; `
      + `${moved.length} counted ${moved.length === 1 ? 'score changes' : 'scores change'}`
      + `${report.neverLower ? ' (no score goes down)' : ''}.${applied ? '' : ' Nothing is saved until you apply.'}`);
    const parts = [summary];
    if (moved.length > 0) {
      parts.push(el('table', { class: 'data regrade-changes' },
        el('thead', {}, el('tr', {}, ...['Student', 'Exercise', 'Points before', 'Points after']
          .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...moved.map((c) => el('tr', { 'data-student': c.email ?? '' },
          el('th', { scope: 'row' }, c.displayName ?? 'someone no longer in the course'),
          el('td', {}, c.exerciseId), el('td', {}, points(c.before)), el('td', {}, points(c.after)))))));
    }
    if (report.unreadable.length > 0) {
      parts.push(el('p', {}, `${report.unreadable.length} ${report.unreadable.length === 1 ? 'answer' : 'answers'} `
        + 'cannot be read by the current grader and keep their grade:'),
      el('ul', {}, ...report.unreadable.map((u) => el('li', {}, `${u.exerciseId}, submission ${u.submissionId}: ${u.problems.join('; ')}`))));
    }
    return el('div', {}, ...parts);
  }
}
