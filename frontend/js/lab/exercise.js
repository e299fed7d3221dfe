// One exercise of a lab: its prompt and data, the answer form of its type, and what the student has
// done so far (score that counts, attempts left, feedback on the last attempt at the exercise's level:
// on the cells, per row, or only the score; the expected answer and its worked solution once revealed).
// A student's unfinished answer is saved as a draft while they type; other viewers (instructors) see the
// form without submitting. In a practice variant the answer is checked as often as wanted and never counts.
import { ApiError, api } from '/js/api.js';
import { el } from '/js/dom.js';
import { createInput, answerView } from '/js/lab/inputs.js';
import { Submitter } from '/js/lab/submission.js';
import { DraftSaver } from '/js/lab/draft.js';
import { solutionView } from '/js/lab/solution-view.js';

export function pointsText(points) {
  const rounded = Number(points.toFixed(2));
  return `${rounded} ${rounded === 1 ? 'point' : 'points'}`;
}

function policyText(exercise) {
  const policy = exercise.policy;
  const parts = [pointsText(exercise.points),
    policy.maxAttempts === 1 ? 'one attempt' : `${policy.maxAttempts} attempts`];
  if (policy.maxAttempts > 1) {
    parts.push(policy.scoring === 'LAST' ? 'your last attempt counts' : 'your best attempt counts');
  }
  if (policy.penaltyPerAttempt > 0) {
    parts.push(`each attempt after the first costs ${Math.round(policy.penaltyPerAttempt * 100)}% of the points`);
  }
  return parts.join(' · ');
}

/** JSON with object keys sorted, to compare answers whatever order their keys were stored in. */
function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class ExerciseCard {
  /**
   * @param exercise the exercise from the lab sheet (or a practice sheet: no progress)
   * @param base     the lab's API address: /api/courses/{course}/labs/{lab}, or its practice variant's
   * @param context  { student, behaviours, beforeLeave, openAt (seq) or null, practice: { others } or null }
   */
  constructor(exercise, base, context) {
    this.exercise = exercise;
    this.practice = context.practice ?? null;
    this.openAt = context.openAt ?? null;
    this.progress = exercise.progress ?? { attemptsUsed: 0, attemptsLeft: 1, points: null, revealed: null };
    this.student = context.student || this.practice !== null;
    this.path = `${base}/exercises/${encodeURIComponent(exercise.id)}`;
    this.submitter = new Submitter(`${this.path}/submissions`);
    this.drafts = new DraftSaver(`${this.path}/draft`, (state, error) => this.#draftState(state, error));
    this.input = createInput(exercise, context);
    this.input.onChange(() => {
      if (this.student && this.practice === null && this.progress.attemptsLeft > 0) {
        this.drafts.schedule(this.input.draft());
      }
    });
    this.element = this.#build();
    if (this.practice === null) {
      this.#restore();
      this.#showProgress();
    }
  }

  #build() {
    const titleId = `ex-${this.exercise.id}-title`;
    this.problems = el('div', { class: 'answer-problems', role: 'alert' });
    this.submitButton = el('button', { type: 'submit', class: 'button primary' },
      this.practice ? 'Check answer' : 'Submit answer');
    this.draftStatus = el('span', { class: 'draft-status muted', 'aria-live': 'polite' });
    this.score = el('p', { class: 'exercise-score' });
    this.attempts = el('p', { class: 'attempts-left muted' });
    this.feedback = el('div', { class: 'exercise-feedback' });
    this.revealed = el('div', { class: 'exercise-revealed' });
    const prompt = el('div', { class: 'prose' });
    prompt.innerHTML = this.exercise.promptHtml; // sanitized by the server: Markdown with raw HTML escaped
    const form = el('form', { class: 'exercise-form', noValidate: true }, this.input.element, this.problems,
      this.student ? el('div', { class: 'exercise-actions' }, this.submitButton, this.draftStatus)
        : el('p', { class: 'muted' }, 'Only the course\'s students submit answers; you see the form as they do.'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.practice) {
        this.#check();
      } else {
        this.#submit();
      }
    });
    if (this.practice) {
      const show = el('button', { type: 'button', class: 'button show-solution' }, 'Show the worked solution');
      show.addEventListener('click', () => this.#showPracticeSolution(show));
      form.querySelector('.exercise-actions').append(show);
    }
    return el('article', { class: 'exercise panel', id: `exercise-${this.exercise.id}`, 'data-exercise': this.exercise.id,
      'aria-labelledby': titleId },
    el('h3', { id: titleId }, this.exercise.title),
    el('p', { class: 'muted exercise-policy' }, this.practice ? 'Practice: check as often as you like; nothing counts.'
      : policyText(this.exercise)),
    prompt, form,
    el('div', { class: 'exercise-result', 'aria-live': 'polite' }, this.score, this.attempts, this.feedback),
    this.revealed);
  }

  /** The draft if there is one, else the last answer submitted, with the last grade on its cells. */
  #restore() {
    const last = this.progress.last;
    const shown = this.progress.draft ?? last?.answer ?? null;
    if (shown !== null) {
      this.input.load(shown);
    }
    if (last?.grade) {
      this.#showGrade(last.attempt, last.grade, canonical(shown) === canonical(last.answer));
    }
  }

  async #submit() {
    if (!this.student) {
      return;
    }
    this.problems.replaceChildren();
    let answer;
    try {
      answer = this.input.answer();
    } catch (error) {
      this.problems.replaceChildren(el('p', { class: 'form-error' }, error.message));
      return;
    }
    this.submitButton.disabled = true;
    this.submitButton.textContent = 'Grading…';
    try {
      await this.drafts.cancel();
      const { submission, progress } = await this.submitter.submit(answer);
      this.draftStatus.textContent = '';
      this.progress = progress;
      this.#showGrade(submission.attempt, submission.grade, true);
      this.#showProgress();
    } catch (error) {
      this.#showRefusal(error);
      // Not taken, but still open for answers (no connection, or an answer to fix): keep it as the draft.
      if (error.status !== 409 && error.status !== 403) {
        this.drafts.schedule(this.input.draft());
      }
    } finally {
      this.submitButton.textContent = 'Submit answer';
      this.submitButton.disabled = !(this.progress.attemptsLeft > 0);
    }
  }

  /** A practice answer: graded on every cell, as often as the student likes, never stored. */
  async #check() {
    this.problems.replaceChildren();
    let answer;
    try {
      answer = this.input.answer();
    } catch (error) {
      this.problems.replaceChildren(el('p', { class: 'form-error' }, error.message));
      return;
    }
    this.submitButton.disabled = true;
    try {
      const { grade } = await api.post(`${this.path}/check`, { answer, others: this.practice.others(this.exercise.id) });
      this.#showGrade(null, grade, true);
      this.element.dataset.score = String(grade.score);
    } catch (error) {
      this.#showRefusal(error);
    } finally {
      this.submitButton.disabled = false;
    }
  }

  async #showPracticeSolution(button) {
    button.disabled = true;
    try {
      const { expected, solution } = await api.get(`${this.path}/solution`);
      this.revealed.replaceChildren(el('h4', {}, 'The expected answer'), answerView(this.exercise, expected),
        ...[solutionView(solution, this.openAt)].filter(Boolean));
    } catch (error) {
      this.#showRefusal(error);
      button.disabled = false;
    }
  }

  #showRefusal(error) {
    const listed = error instanceof ApiError && Array.isArray(error.details.problems) ? error.details.problems : [];
    const retry = error instanceof ApiError && (error.status === 0 || error.status >= 500)
      ? ' Submit again: the same submission is sent, so it cannot count twice.' : '';
    this.problems.replaceChildren(el('p', { class: 'form-error' }, `${error.message}${retry}`));
    if (listed.length > 0) {
      this.problems.append(el('ul', { class: 'form-error' }, ...listed.map((p) => el('li', {}, p))));
    }
  }

  /**
   * The grade at the level the server sent it: wrong cells marked and listed with the rule each breaks, or
   * the rows with how many cells are wrong and the rule behind the row, or only the score.
   * @param attempt 0-based, as the API counts attempts; null for a practice check
   */
  #showGrade(attempt, grade, onCells) {
    this.input.mark(onCells ? grade.cells : []);
    this.input.markRows?.(onCells ? grade.rows ?? [] : []);
    const wrong = grade.cells.filter((cell) => !cell.correct);
    const items = wrong.map((cell) => {
      const go = el('button', { type: 'button', class: 'link-button' }, this.input.cellLabel(cell.cell));
      go.addEventListener('click', () => this.input.focusCell(cell.cell));
      return el('li', { 'data-cell': cell.cell }, go, `: ${cell.feedback || 'not right'}`);
    });
    const rows = wrong.length > 0 ? [] : (grade.rows ?? []).filter((row) => row.wrong > 0).map((row) =>
      el('li', { 'data-row': row.row }, `Row '${row.label}': ${row.wrong} of ${row.cells} ${row.cells === 1 ? 'cell' : 'cells'} `
        + `wrong. ${row.feedback.charAt(0).toUpperCase()}${row.feedback.slice(1)}.`));
    const heading = attempt === null ? 'Checked' : `Attempt ${attempt + 1}`;
    this.feedback.replaceChildren(
      el('p', { class: 'grade-line' }, `${heading}: ${Math.round(grade.score * 100)}% right. ${grade.feedback ?? ''}`));
    if (wrong.length > 0) {
      this.feedback.append(el('ul', { class: 'cell-feedback-list', 'aria-label': 'What was not right' }, ...items));
    }
    if (rows.length > 0) {
      this.feedback.append(el('p', { class: 'hint' }, 'Which cells are wrong is not shown: with two possible values, '
        + 'that would give the answer away.'),
      el('ul', { class: 'row-feedback-list', 'aria-label': 'Rows that are not right' }, ...rows));
    }
    if (grade.level === 'SCORE' && grade.score < 1) {
      this.feedback.append(el('p', { class: 'hint' }, 'This exercise tells only the score until the answer is revealed.'));
    }
    if ((wrong.length > 0 || rows.length > 0) && !onCells) {
      this.feedback.append(el('p', { class: 'hint' }, 'This feedback is on your last submission; your draft has changed since.'));
    }
  }

  #showProgress() {
    const p = this.progress;
    this.score.textContent = p.attemptsUsed === 0 ? 'Not submitted yet.'
      : `Score: ${Number(p.points.toFixed(2))} of ${pointsText(this.exercise.points)}`;
    this.attempts.textContent = p.attemptsLeft === 0 ? 'No attempts left.'
      : `${p.attemptsLeft} ${p.attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`;
    const closed = !this.student || p.attemptsLeft === 0;
    this.submitButton.disabled = closed;
    if (this.student) {
      this.input.disable(p.attemptsLeft === 0);
    }
    if (p.revealed !== null && p.revealed !== undefined) {
      this.revealed.replaceChildren(el('h4', {}, 'The expected answer'), answerView(this.exercise, p.revealed),
        ...[solutionView(p.solution, this.openAt)].filter(Boolean));
    } else {
      this.revealed.replaceChildren();
    }
    this.element.dataset.points = String(p.points ?? 0);
    this.element.dataset.attemptsLeft = String(p.attemptsLeft);
  }

  #draftState(state, error) {
    this.draftStatus.textContent = state === 'saving' ? 'Saving your draft…'
      : state === 'saved' ? 'Draft saved.'
        : state === 'retrying' ? `Your draft could not be saved (${error.message}); trying again shortly.`
          : `Your draft could not be saved: ${error.message}`;
  }

  /** Saves a pending draft now, e.g. before leaving the page. */
  flushDraft() {
    return this.practice ? Promise.resolve() : this.drafts.flush();
  }

  /** What the form holds now (for a practice check of another exercise, carrying errors forward). */
  currentAnswer() {
    return this.input.draft();
  }
}
