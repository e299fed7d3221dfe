// The lab's run panel: a button that opens the run of the student's variant when the lab's policy allows,
// or the reason it does not yet. A locked panel asks again after each graded answer (the reveal that opens
// the run may just have happened) and when the page comes back into view, so it unlocks without a reload.
import { api } from '/js/api.js';
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
  if (sheet.run.allowed) {
    showOpenButton(container, beforeLeave, lab);
    return;
  }
  container.replaceChildren(el('p', { class: 'muted', id: 'run-reason' }, sheet.run.reason));
  const sheetPath = `/api/courses/${encodeURIComponent(sheet.course.id)}/labs/${encodeURIComponent(sheet.lab.id)}`;
  let unlocked = false;
  const check = async () => {
    if (unlocked) {
      return;
    }
    try {
      const fresh = await api.get(sheetPath);
      if (fresh.run.allowed && !unlocked) {
        unlocked = true;
        document.removeEventListener('faultlab:graded', check);
        document.removeEventListener('visibilitychange', onVisible);
        showOpenButton(container, beforeLeave, lab);
      } else if (!fresh.run.allowed) {
        container.querySelector('#run-reason').textContent = fresh.run.reason;
      }
    } catch {
      // The panel keeps its reason; the next grade or visit asks again.
    }
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') {
      check();
    }
  };
  document.addEventListener('faultlab:graded', check);
  document.addEventListener('visibilitychange', onVisible);
}

function showOpenButton(container, beforeLeave, lab) {
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
    el('p', { id: 'run-ready' }, 'Watch your scenario run message by message, inject faults and branch it in the run view. '
      + 'The button takes you back to the same run each time, with the branches you made from it.'),
    button, status);
}
