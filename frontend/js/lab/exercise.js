// One exercise of a lab: its prompt and data, the answer form of its type, and what the student has
// done so far (score that counts, attempts left, feedback on the last attempt shown on the cells and
// listed below them, the expected answer once revealed). A student's unfinished answer is saved as a
// draft while they type; other viewers (instructors) see the form without submitting.
import { ApiError } from '/js/api.js';
import { el } from '/js/dom.js';
import { createInput, answerView } from '/js/lab/inputs.js';
import { Submitter } from '/js/lab/submission.js';
import { DraftSaver } from '/js/lab/draft.js';

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
   * @param exercise the exercise from the lab sheet
   * @param base     the lab's API address: /api/courses/{course}/labs/{lab}
   * @param context  { student, behaviours, beforeLeave }
   */
  constructor(exercise, base, context) {
    this.exercise = exercise;
    this.progress = exercise.progress;
    this.student = context.student;
    const path = `${base}/exercises/${encodeURIComponent(exercise.id)}`;
    this.submitter = new Submitter(`${path}/submissions`);
    this.drafts = new DraftSaver(`${path}/draft`, (state, error) => this.#draftState(state, error));
    this.input = createInput(exercise, context);
    this.input.onChange(() => {
      if (this.student && this.progress.attemptsLeft > 0) {
        this.drafts.schedule(this.input.draft());
      }
    });
    this.element = this.#build();
    this.#restore();
    this.#showProgress();
  }

  #build() {
    const titleId = `ex-${this.exercise.id}-title`;
    this.problems = el('div', { class: 'answer-problems', role: 'alert' });
    this.submitButton = el('button', { type: 'submit', class: 'button primary' }, 'Submit answer');
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
      this.#submit();
    });
    return el('article', { class: 'exercise panel', id: `exercise-${this.exercise.id}`, 'data-exercise': this.exercise.id,
      'aria-labelledby': titleId },
    el('h3', { id: titleId }, this.exercise.title),
    el('p', { class: 'muted exercise-policy' }, policyText(this.exercise)),
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

  #showRefusal(error) {
    const listed = error instanceof ApiError && Array.isArray(error.details.problems) ? error.details.problems : [];
    const retry = error instanceof ApiError && (error.status === 0 || error.status >= 500)
      ? ' Submit again: the same submission is sent, so it cannot count twice.' : '';
    this.problems.replaceChildren(el('p', { class: 'form-error' }, `${error.message}${retry}`));
    if (listed.length > 0) {
      this.problems.append(el('ul', { class: 'form-error' }, ...listed.map((p) => el('li', {}, p))));
    }
  }

  /** @param attempt 0-based, as the API counts attempts */
  #showGrade(attempt, grade, onCells) {
    this.input.mark(onCells ? grade.cells : []);
    const wrong = grade.cells.filter((cell) => !cell.correct);
    const items = wrong.map((cell) => {
      const go = el('button', { type: 'button', class: 'link-button' }, this.input.cellLabel(cell.cell));
      go.addEventListener('click', () => this.input.focusCell(cell.cell));
      return el('li', { 'data-cell': cell.cell }, go, `: ${cell.feedback || 'not right'}`);
    });
    this.feedback.replaceChildren(
      el('p', { class: 'grade-line' }, `Attempt ${attempt + 1}: ${Math.round(grade.score * 100)}% right. ${grade.feedback ?? ''}`));
    if (wrong.length > 0) {
      this.feedback.append(el('ul', { class: 'cell-feedback-list', 'aria-label': 'What was not right' }, ...items));
    }
    if (wrong.length > 0 && !onCells) {
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
      this.revealed.replaceChildren(el('h4', {}, 'The expected answer'), answerView(this.exercise, p.revealed));
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
    return this.drafts.flush();
  }
}
