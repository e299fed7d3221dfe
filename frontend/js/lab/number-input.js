// A number answer with its unit.
import { el } from '/js/dom.js';

export class NumberInput {
  constructor(spec, idPrefix) {
    this.spec = spec;
    this.listeners = [];
    const id = `${idPrefix}-value`;
    this.input = el('input', { id, type: 'text', inputMode: 'decimal', autocomplete: 'off', class: 'number-value' });
    this.tip = el('p', { class: 'field-error', id: `${id}-feedback` });
    this.input.setAttribute('aria-describedby', this.tip.id);
    this.input.addEventListener('input', () => {
      this.mark([]);
      this.listeners.forEach((listener) => listener());
    });
    this.element = el('div', { class: 'field number-answer' },
      el('label', { htmlFor: id }, spec.unit ? `Your answer (in ${spec.unit})` : 'Your answer'),
      el('div', { class: 'inline-field' }, this.input, spec.unit ? el('span', { class: 'unit' }, spec.unit) : null),
      this.tip);
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  /** The number typed, accepting a decimal comma; NaN when there is none. */
  #value() {
    const text = this.input.value.trim().replace(',', '.');
    return text === '' ? NaN : Number(text);
  }

  draft() {
    const value = this.#value();
    return { value: Number.isFinite(value) ? value : null };
  }

  answer() {
    const value = this.#value();
    if (!Number.isFinite(value)) {
      const text = this.input.value.trim();
      this.input.focus();
      throw new Error(text === '' ? 'Give a number.' : `${text} is not a number.`);
    }
    return { value };
  }

  load(answer) {
    this.input.value = answer?.value === null || answer?.value === undefined ? '' : String(answer.value);
  }

  cellLabel() {
    return 'your number';
  }

  focusCell() {
    this.input.focus();
  }

  mark(cellGrades) {
    const wrong = cellGrades.find((grade) => !grade.correct);
    this.tip.textContent = wrong ? (wrong.feedback || 'Not right.') : '';
    if (wrong) {
      this.input.setAttribute('aria-invalid', 'true');
    } else {
      this.input.removeAttribute('aria-invalid');
    }
  }

  disable(disabled) {
    this.input.disabled = disabled;
  }
}

export function numberAnswerText(spec, answer) {
  return el('p', {}, `${answer?.value}${spec.unit ? ` ${spec.unit}` : ''}`);
}
