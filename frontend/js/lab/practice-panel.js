// The lab page's practice panel: in the graded lab, a way into a practice variant (drawn apart from the
// student's own, checked as often as they like, never counted); in a practice variant, a fresh one and
// the way back.
import { el } from '/js/dom.js';

export function practiceUrl(courseId, labId, number) {
  const query = new URLSearchParams({ course: courseId, lab: labId });
  if (number !== null) {
    query.set('practice', String(number));
  }
  return `/lab.html?${query}`;
}

/**
 * @param container the panel's body
 * @param sheet     the lab sheet (its `practice` says whether the lab offers practice) or a practice sheet
 * @param number    the practice variant shown, or null for the graded lab
 */
export function showPracticePanel(container, sheet, number, courseId, labId) {
  if (number !== null) {
    container.replaceChildren(
      el('p', { class: 'notice practice-notice' }, `This is practice variant ${number}, drawn apart from your graded one. `
        + 'Check your answers as often as you like and open each worked solution: nothing here counts.'),
      el('p', {}, el('a', { class: 'button', href: practiceUrl(courseId, labId, number + 1), id: 'next-practice' },
        'Another practice variant'), ' ',
      el('a', { href: practiceUrl(courseId, labId, null), id: 'back-to-lab' }, 'Back to your graded lab')));
    return;
  }
  if (!sheet.practice?.offered) {
    container.replaceChildren(el('p', { class: 'muted', id: 'practice-reason' }, sheet.practice?.reason ?? ''));
    return;
  }
  container.replaceChildren(
    el('p', {}, 'Try the lab on another variant first: its answers are checked as often as you like, its worked '
      + 'solutions are there, and nothing counts.'),
    el('a', { class: 'button', href: practiceUrl(courseId, labId, 1), id: 'open-practice' }, 'Open a practice variant'));
}
