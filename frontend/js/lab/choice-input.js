// A choice answer: radio buttons when one option is right, checkboxes when several may be.
import { el } from '/js/dom.js';

export class ChoiceInput {
  constructor(spec, idPrefix) {
    this.spec = spec;
    this.options = new Map();
    this.listeners = [];
    const type = spec.multiple ? 'checkbox' : 'radio';
    const items = spec.options.map((option, i) => {
      const id = `${idPrefix}-option-${i}`;
      const input = el('input', { id, type, name: `${idPrefix}-choice`, value: option.id });
      input.addEventListener('change', () => {
        this.#clearMarks();
        this.listeners.forEach((listener) => listener());
      });
      const tip = el('span', { class: 'option-feedback', id: `${id}-feedback` });
      const item = el('div', { class: 'choice-option' }, input, el('label', { htmlFor: id }, option.text), tip);
      this.options.set(option.id, { input, item, tip, text: option.text });
      return item;
    });
    this.element = el('fieldset', { class: 'choice-answer' },
      el('legend', {}, spec.multiple ? 'Pick every option that applies' : 'Pick one option'), ...items);
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  draft() {
    return { choices: [...this.options].filter(([, o]) => o.input.checked).map(([id]) => id) };
  }

  answer() {
    const answer = this.draft();
    if (answer.choices.length === 0) {
      this.options.values().next().value?.input.focus();
      throw new Error(this.spec.multiple ? 'Pick at least one option.' : 'Pick an option.');
    }
    return answer;
  }

  load(answer) {
    const chosen = new Set(answer?.choices ?? []);
    this.options.forEach((option, id) => { option.input.checked = chosen.has(id); });
  }

  cellLabel(id) {
    return this.options.get(id)?.text ?? id;
  }

  focusCell(id) {
    this.options.get(id)?.input.focus();
  }

  mark(cellGrades) {
    this.#clearMarks();
    for (const grade of cellGrades) {
      const option = this.options.get(grade.cell);
      if (option && !grade.correct) {
        option.item.classList.add('wrong');
        option.input.setAttribute('aria-describedby', option.tip.id);
        option.tip.textContent = grade.feedback ? ` — ${grade.feedback}` : ' — not right';
      }
    }
  }

  #clearMarks() {
    this.options.forEach((option) => {
      option.item.classList.remove('wrong');
      option.input.removeAttribute('aria-describedby');
      option.tip.textContent = '';
    });
  }

  disable(disabled) {
    this.options.forEach((option) => { option.input.disabled = disabled; });
  }
}

export function choiceAnswerText(spec, answer) {
  const texts = (answer?.choices ?? []).map((id) => spec.options.find((o) => o.id === id)?.text ?? id);
  return el('ul', {}, ...texts.map((text) => el('li', {}, text)));
}
