// The course's gradebook table: a row per student, a column per lab, each cell the points that count
// and the submissions made. A lab's heading is a button that opens its details.
import { el } from '/js/dom.js';
import { points } from '/js/gradebook/format.js';

/**
 * @param book   GET /api/courses/{id}/gradebook
 * @param onLab  called with a lab's id when its details are asked for
 */
export function overviewTable(book, onLab) {
  if (book.students.length === 0) {
    return el('p', { class: 'empty' }, 'No student has joined the course yet.');
  }
  if (book.labs.length === 0) {
    return el('p', { class: 'empty' }, 'The course has no labs yet. Add one on the course page.');
  }
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Student'),
    ...book.labs.map((lab) => {
      const open = el('button', { type: 'button', class: 'link-button' }, lab.title);
      open.setAttribute('aria-label', `Details of ${lab.title}`);
      open.addEventListener('click', () => onLab(lab.labId));
      return el('th', { scope: 'col' }, open, el('span', { class: 'muted' }, ` (${points(lab.maxPoints)})`));
    }),
    el('th', { scope: 'col' }, 'Total'));
  const rows = book.students.map((student) => {
    const byLab = new Map(student.labs.map((l) => [l.labId, l]));
    const cells = book.labs.map((lab) => {
      const score = byLab.get(lab.labId);
      return score && score.attempts > 0
        ? el('td', { 'data-lab': lab.labId }, points(score.points),
          el('span', { class: 'muted' }, ` · ${score.attempts} ${score.attempts === 1 ? 'submission' : 'submissions'}`))
        : el('td', { 'data-lab': lab.labId, class: 'muted' }, 'not started');
    });
    return el('tr', { 'data-student': student.email },
      el('th', { scope: 'row' }, student.displayName, el('br'), el('span', { class: 'muted' }, student.email)),
      ...cells, el('td', {}, points(student.points)));
  });
  return el('table', { class: 'data gradebook' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
