// One lab in the gradebook: per exercise the mean, how the scores are spread and the cells missed
// most; per student the points and submissions of each exercise.
import { el } from '/js/dom.js';
import { points } from '/js/gradebook/format.js';

function distribution(stats, students) {
  if (!stats.distribution || stats.distribution.length === 0) {
    return el('span', { class: 'muted' }, 'no submissions');
  }
  return el('ul', { class: 'distribution' }, ...stats.distribution.map((bucket) => {
    const label = `${points(bucket.from)} to ${points(bucket.to)} points: ${bucket.count}`;
    const meter = el('meter', { min: 0, max: Math.max(students, 1), value: bucket.count });
    meter.setAttribute('aria-label', label);
    return el('li', {}, meter, ` ${label}`);
  }));
}

function mostMissed(stats, labelOf) {
  if (!stats.mostMissed || stats.mostMissed.length === 0) {
    return el('span', { class: 'muted' }, '—');
  }
  return el('ol', { class: 'most-missed' },
    ...stats.mostMissed.map((m) => el('li', {}, `${labelOf(m.cell)}: missed by ${m.missed}`)));
}

/** @param detail GET /api/courses/{id}/labs/{labId}/gradebook */
export function exerciseStatsTable(detail) {
  const students = detail.students.length;
  const rows = detail.exercises.map((exercise) => el('tr', { 'data-exercise': exercise.id },
    el('th', { scope: 'row' }, exercise.title),
    el('td', {}, points(exercise.points)),
    el('td', {}, points(exercise.stats.mean)),
    el('td', {}, String(exercise.stats.submitted ?? '—')),
    el('td', {}, distribution(exercise.stats, students)),
    el('td', {}, mostMissed(exercise.stats, (cell) => cell))));
  return el('table', { class: 'data exercise-stats' },
    el('thead', {}, el('tr', {}, ...['Exercise', 'Points', 'Mean', 'Students who submitted', 'Scores', 'Most missed']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows));
}

export function labStudentsTable(detail) {
  if (detail.students.length === 0) {
    return el('p', { class: 'empty' }, 'No student has joined the course yet.');
  }
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Student'),
    ...detail.exercises.map((e) => el('th', { scope: 'col' }, e.title)), el('th', { scope: 'col' }, 'Lab'));
  const rows = detail.students.map((student) => {
    const byExercise = new Map(student.exercises.map((e) => [e.exerciseId, e]));
    return el('tr', { 'data-student': student.email },
      el('th', { scope: 'row' }, student.displayName),
      ...detail.exercises.map((exercise) => {
        const score = byExercise.get(exercise.id);
        return score && score.attempts > 0
          ? el('td', { 'data-exercise': exercise.id }, points(score.points),
            el('span', { class: 'muted' }, ` · ${score.attempts}×`))
          : el('td', { 'data-exercise': exercise.id, class: 'muted' }, '—');
      }),
      el('td', {}, points(student.points)));
  });
  return el('table', { class: 'data gradebook' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
