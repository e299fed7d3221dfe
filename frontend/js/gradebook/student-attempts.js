// One student's submitted answers to a lab, attempt by attempt, as the instructor reads them: each answer
// in its form's shape with the wrong cells marked, the score, and every piece of feedback the grader gave
// (all of it, whatever the student was shown at the exercise's feedback level).
import { el, when } from '/js/dom.js';
import { answerView } from '/js/lab/inputs.js';
import { points } from '/js/gradebook/format.js';

const LEVELS = { CELLS: 'the wrong cells', ROWS: 'how many cells of each row are wrong', SCORE: 'only the score' };

function gridAttempt(input, answer, grade) {
  const judged = new Map(grade.cells.map((c) => [c.cell, c]));
  const values = answer?.cells ?? {};
  return el('div', { class: 'grid-scroll' }, el('table', { class: 'answer-grid revealed' },
    el('thead', {}, el('tr', {}, el('td', {}), ...input.columns.map((c) => el('th', { scope: 'col' }, c.label)))),
    el('tbody', {}, ...input.rows.map((row) => el('tr', {}, el('th', { scope: 'row' }, row.label),
      ...input.columns.map((column) => {
        const id = `${row.id}/${column.id}`;
        const cell = judged.get(id);
        const attrs = { 'data-cell': id };
        if (cell) {
          attrs.class = cell.correct ? 'correct' : 'wrong';
          if (!cell.correct) {
            attrs.title = cell.feedback;
          }
        }
        return el('td', attrs, values[id] ?? '');
      }))))));
}

function attemptView(exercise, attempt) {
  const grade = attempt.grade;
  const wrong = grade.cells.filter((c) => !c.correct);
  return el('li', { class: 'attempt', 'data-attempt': String(attempt.attempt) },
    el('p', {}, el('strong', {}, `Attempt ${attempt.attempt + 1}`),
      ` · ${points(attempt.points)} of ${points(exercise.points)} points · ${Math.round(grade.score * 100)}% right · `
      + `submitted ${when(attempt.submittedAt)} · the student saw ${LEVELS[attempt.shownAt] ?? attempt.shownAt}`),
    exercise.input.kind === 'grid' ? gridAttempt(exercise.input, attempt.answer, grade)
      : answerView({ input: exercise.input }, attempt.answer),
    el('p', { class: 'grade-line' }, grade.feedback ?? ''),
    wrong.length === 0 ? '' : el('ul', { class: 'cell-feedback-list' },
      ...wrong.map((c) => el('li', { 'data-cell': c.cell }, c.feedback || `${c.label ?? c.cell}: not right`))));
}

/** @param view GET /api/courses/{id}/labs/{labId}/students/{userId}/attempts */
export function studentAttempts(view) {
  return el('div', {},
    ...view.exercises.map((exercise) => el('section', { class: 'exercise-attempts', 'data-exercise': exercise.id },
      el('h4', {}, exercise.title),
      exercise.attempts.length === 0 ? el('p', { class: 'muted' }, 'Not submitted.')
        : el('ol', { class: 'attempts' }, ...exercise.attempts.map((a) => attemptView(exercise, a))))));
}
