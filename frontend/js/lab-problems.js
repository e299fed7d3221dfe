// The broken labs, as GET /api/labs tells instructors: which labs do not load or fail their self-test, whether
// their last good version is still in service, and each problem with where (file, line, field) and why, so
// whoever wrote the lab can fix it. Students never receive this list.
import { el } from '/js/dom.js';

function where(problem) {
  const place = [problem.file ?? problem.id, problem.line ? `line ${problem.line}` : null].filter(Boolean).join(', ');
  return problem.field ? `${place} (${problem.field})` : place;
}

function problemItem(problem) {
  return el('li', { 'data-lab': problem.id }, el('strong', {}, where(problem)), `: ${problem.message}`);
}

/** What students get while the lab is broken. */
export function servedText(lab) {
  return lab.version
    ? `Its last good version (${lab.version}) stays in service until its files load again.`
    : 'It never loaded, so students are not offered it.';
}

/** The flag on a lab's card or row for an instructor, or null when the lab is not broken. */
export function brokenFlag(labId, broken) {
  const lab = (broken ?? []).find((b) => b.id === labId);
  if (!lab) {
    return null;
  }
  return el('span', { class: 'lab-flag', 'data-broken': lab.id, title: servedText(lab) },
    lab.version ? 'Broken: last good version in service' : 'Broken: not offered');
}

/** A notice listing the broken labs with their problems, or null when there are none. */
export function labProblems(broken, problems) {
  const labs = broken ?? [];
  const all = problems ?? [];
  if (labs.length === 0 && all.length === 0) {
    return null;
  }
  // Problems of no lab in particular (the labs folder cannot be listed) come after the labs.
  const elsewhere = all.filter((p) => !labs.some((lab) => lab.id === p.id));
  return el('section', { class: 'notice error lab-problems', 'aria-labelledby': 'lab-problems-heading' },
    el('h2', { id: 'lab-problems-heading' }, 'Broken labs'),
    el('p', {}, 'Only instructors see this. A lab is broken when its files do not load or its self-test fails '
      + '(./faultlab validate shows the same problems).'),
    el('ul', {}, ...labs.map((lab) => el('li', { 'data-broken-lab': lab.id },
      el('strong', {}, lab.title ? `${lab.title} (${lab.id})` : lab.id), `: ${servedText(lab)}`,
      el('ul', {}, ...all.filter((p) => p.id === lab.id).map(problemItem)))),
    ...elsewhere.map(problemItem)));
}
