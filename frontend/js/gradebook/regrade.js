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

  /** Points the form at another lab. */
  show(path) {
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
      const outcome = await api.post(this.path, { apply, neverLower });
      this.result.replaceChildren(this.#changes(outcome.changes, apply));
      this.apply.hidden = apply || outcome.changes.length === 0;
      if (apply) {
        await this.onApplied();
      }
    } catch (error) {
      this.error.textContent = error.message;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  #changes(changes, applied) {
    if (changes.length === 0) {
      return el('p', { class: 'notice' }, applied ? 'Nothing changed.' : 'Regrading would change no score.');
    }
    const rows = changes.map((c) => el('tr', { 'data-student': c.email ?? '' },
      el('th', { scope: 'row' }, c.displayName), el('td', {}, c.exerciseTitle ?? c.exerciseId),
      el('td', {}, points(c.before)), el('td', {}, points(c.after))));
    return el('div', {},
      el('p', {}, applied ? `Applied: ${changes.length} ${changes.length === 1 ? 'score changed' : 'scores changed'}.`
        : `Preview: ${changes.length} ${changes.length === 1 ? 'score would change' : 'scores would change'}. Nothing is saved until you apply.`),
      el('table', { class: 'data regrade-changes' },
        el('thead', {}, el('tr', {}, ...['Student', 'Exercise', 'Points now', 'Points after'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows)));
  }
}
