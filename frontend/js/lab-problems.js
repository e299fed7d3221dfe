// The lab files that do not load, as GET /api/labs tells instructors: where (file, line, field) and why,
// so whoever wrote the lab can fix it. Students never receive this list.
import { el } from '/js/dom.js';

function where(problem) {
  const place = [problem.file ?? problem.id, problem.line ? `line ${problem.line}` : null].filter(Boolean).join(', ');
  return problem.field ? `${place} (${problem.field})` : place;
}

/** A notice listing the problems, or null when there are none. */
export function labProblems(problems) {
  if (!problems || problems.length === 0) {
    return null;
  }
  return el('section', { class: 'notice error lab-problems', 'aria-labelledby': 'lab-problems-heading' },
    el('h2', { id: 'lab-problems-heading' }, 'Labs that do not load'),
    el('p', {}, 'Only instructors see this. A lab that loaded before keeps its last good version in service: students '
      + 'go on working on it until its files load again. A lab that never loaded is not offered to students.'),
    el('ul', {}, ...problems.map((p) => el('li', { 'data-lab': p.id },
      el('strong', {}, where(p)), `: ${p.message}`))));
}
