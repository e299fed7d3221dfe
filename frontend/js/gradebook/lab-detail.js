// One lab in the gradebook: per exercise the mean, how the scores are spread (students per tenth of the
// points) and the cells missed most; per student the points and submissions of each exercise.
import { el } from '/js/dom.js';
import { points } from '/js/gradebook/format.js';

/** Students per tenth of the points, highest first; empty tenths are left out to keep the table short. */
function distribution(stats) {
  if (stats.attempted === 0) {
    return el('span', { class: 'muted' }, 'no submissions');
  }
  const buckets = stats.distribution.length;
  const items = stats.distribution.map((count, i) => ({ count, from: Math.round((i * 100) / buckets),
    to: Math.round(((i + 1) * 100) / buckets) })).filter((b) => b.count > 0).reverse();
  return el('ul', { class: 'distribution' }, ...items.map(({ count, from, to }) => {
    const meter = el('meter', { min: 0, max: stats.attempted, value: count });
    meter.setAttribute('aria-label', `${count} of ${stats.attempted} students scored ${from}% to ${to}% of the points`);
    return el('li', {}, meter, ` ${from}–${to}%: ${count}`);
  }));
}

function mostMissed(stats) {
  if (stats.mostMissed.length === 0) {
    return el('span', { class: 'muted' }, '—');
  }
  return el('ol', { class: 'most-missed' },
    ...stats.mostMissed.map((m) => el('li', { 'data-cell': m.cell }, m.label ?? m.cell, ` — missed by ${m.missed}`)));
}

/** @param detail GET /api/courses/{id}/labs/{labId}/gradebook */
export function exerciseStatsTable(detail) {
  const statsOf = new Map(detail.stats.map((s) => [s.exerciseId, s]));
  const rows = detail.lab.exercises.map((exercise) => {
    const stats = statsOf.get(exercise.id);
    return el('tr', { 'data-exercise': exercise.id },
      el('th', { scope: 'row' }, exercise.title),
      el('td', {}, points(exercise.points)),
      el('td', { class: 'mean' }, points(stats.mean)),
      el('td', {}, `${stats.attempted} of ${detail.students.length}`),
      el('td', {}, distribution(stats)),
      el('td', {}, mostMissed(stats)));
  });
  return el('table', { class: 'data exercise-stats' },
    el('thead', {}, el('tr', {}, ...['Exercise', 'Points', 'Mean', 'Students who submitted', 'Scores (share of the points)', 'Most missed']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows));
}

/** @param openAttempts (student) => shows that student's answers attempt by attempt */
export function labStudentsTable(detail, openAttempts) {
  if (detail.students.length === 0) {
    return el('p', { class: 'empty' }, 'No student has joined the course yet.');
  }
  const exercises = detail.lab.exercises;
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Student'),
    ...exercises.map((e) => el('th', { scope: 'col' }, e.title)),
    el('th', { scope: 'col' }, 'Lab'), el('th', { scope: 'col' }, 'Submissions'));
  const rows = detail.students.map((student) => {
    const byExercise = new Map(student.exercises.map((e) => [e.exerciseId, e]));
    const answers = el('button', { type: 'button', class: 'link-button student-answers' }, student.displayName);
    answers.setAttribute('aria-label', `Answers of ${student.displayName}`);
    answers.addEventListener('click', () => openAttempts(student));
    return el('tr', { 'data-student': student.email },
      el('th', { scope: 'row' }, answers),
      ...exercises.map((exercise) => {
        const cell = byExercise.get(exercise.id);
        return cell && cell.attempts > 0
          ? el('td', { 'data-exercise': exercise.id }, points(cell.points),
            el('span', { class: 'muted' }, ` · ${cell.attempts} ${cell.attempts === 1 ? 'try' : 'tries'}`))
          : el('td', { 'data-exercise': exercise.id, class: 'muted' }, '—');
      }),
      el('td', { class: 'lab-points' }, points(student.points)),
      el('td', {}, String(student.attempts)));
  });
  return el('table', { class: 'data gradebook' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
