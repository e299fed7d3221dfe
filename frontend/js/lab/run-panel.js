// The lab's run panel: a button that opens the run of the student's variant when the lab's policy allows,
// or the reason it does not yet.
import { el, notice } from '/js/dom.js';
import { startRun, runViewUrl } from '/js/lab/open-run.js';

/** Opens the run (of the variant `lab` names) in the run view at event `seq`. */
export async function openRunAt(lab, seq, beforeLeave) {
  const run = await startRun({ lab });
  await beforeLeave();
  location.assign(`${runViewUrl(run.id)}&at=${encodeURIComponent(seq)}`);
}

/**
 * @param container the panel's body
 * @param sheet     the lab sheet (course, lab, run)
 * @param beforeLeave awaited before leaving the page, so pending drafts are saved
 * @param lab       {courseId, labId, practice?}: whose run to open
 */
export function showRunPanel(container, sheet, beforeLeave, lab) {
  if (!sheet.run.allowed) {
    container.replaceChildren(el('p', { class: 'muted', id: 'run-reason' }, sheet.run.reason));
    return;
  }
  const status = el('div', { 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'button primary', id: 'open-run' },
    lab.practice ? 'Open the run of this practice variant' : 'Open the run of your variant');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.replaceChildren();
    try {
      const run = await startRun({ lab });
      await beforeLeave();
      location.assign(runViewUrl(run.id));
    } catch (error) {
      status.replaceChildren(notice(`The run could not be opened: ${error.message}`));
      button.disabled = false;
    }
  });
  container.replaceChildren(
    el('p', {}, 'Watch your scenario run message by message, inject faults and branch it in the run view.'),
    button, status);
}
