// A worked solution (progress.solution, or a practice variant's): how the expected answer follows from the
// run, step by step, with links into the run view at the events each step rests on.
import { el } from '/js/dom.js';

/**
 * @param solution {steps: [{title, text, events}]}
 * @param openAt   (seq) => opens the run view at that event, or null when the run may not be opened
 */
export function solutionView(solution, openAt) {
  if (!solution || solution.steps.length === 0) {
    return null;
  }
  return el('div', { class: 'worked-solution' },
    el('h4', {}, 'How it follows from the run'),
    el('ol', {}, ...solution.steps.map((step) => el('li', { class: 'solution-step' },
      el('strong', {}, step.title), ` ${step.text}`, ...eventLinks(step.events, openAt)))));
}

function eventLinks(events, openAt) {
  if (events.length === 0) {
    return [];
  }
  const shown = events.slice(0, 12);
  const links = shown.map((seq) => {
    if (!openAt) {
      return el('span', { class: 'event-ref' }, `#${seq}`);
    }
    const link = el('button', { type: 'button', class: 'link-button event-link', 'data-event': String(seq) }, `#${seq}`);
    link.addEventListener('click', () => openAt(seq));
    return link;
  });
  const parts = [' Events: '];
  links.forEach((link, i) => parts.push(...(i > 0 ? [', ', link] : [link])));
  if (events.length > shown.length) {
    parts.push(` and ${events.length - shown.length} more`);
  }
  return [el('span', { class: 'solution-events' }, ...parts)];
}
