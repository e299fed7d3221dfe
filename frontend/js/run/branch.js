// Branching: a what-if run from the current event with a changed fault plan. The branch shares every
// event up to and including the current one; planned faults not reached yet are kept at their own
// times unless the student removes or edits them, and new faults apply at the branch point.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { faultText, faultTimeText } from '/js/run/event-text.js';
import { FaultEditor } from '/js/run/faults.js';

/**
 * The faults to send for a branch at {@code atEvent}: a kept fault keeps its time when that time lies
 * after the branch point, else it applies at the branch point (the server refuses times in the shared past).
 */
export function branchFaults(kept, added, atEvent, sharedUntilTime) {
  const timed = kept.map((fault) => {
    const inPast = (fault.atEvent !== null && fault.atEvent !== undefined && fault.atEvent < atEvent)
      || (fault.at !== null && fault.at !== undefined && fault.at <= sharedUntilTime);
    return inPast ? { kind: fault.kind, target: fault.target, params: fault.params } : fault;
  });
  return [...timed, ...added];
}

export async function startBranch(runId, atEvent, faults) {
  const created = await api.post(`/api/runs/${encodeURIComponent(runId)}/branch`, { atEvent, faults });
  location.assign(`/run.html?id=${encodeURIComponent(created.run.id)}`);
}

export class BranchDialog {
  constructor(dialog, nodes, behaviours, interventions, runId) {
    this.dialog = dialog;
    this.runId = runId;
    this.editor = new FaultEditor(nodes, behaviours, interventions, 'branch-fault');
    dialog.querySelector('#branch-editor').append(this.editor.element);
    this.form = dialog.querySelector('#branch-form');
    this.add = dialog.querySelector('#branch-add');
    this.error = dialog.querySelector('#branch-error');
    dialog.querySelector('#branch-cancel').addEventListener('click', () => dialog.close());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
  }

  /**
   * Opens the dialog for a branch after event {@code cursor}. {@code pending} are the plan's faults not
   * reached yet; {@code change} is {remove: i} or {edit: i} when opened from the fault plan.
   */
  open(cursor, sharedUntilTime, pending, change = {}) {
    this.atEvent = cursor + 1;
    this.sharedUntilTime = sharedUntilTime;
    this.pending = pending;
    this.editing = change.edit;
    this.error.textContent = '';
    this.dialog.querySelector('#branch-title').textContent = `Branch from event #${cursor}`;
    this.dialog.querySelector('#branch-intro').textContent = `The branch is a new run that shares events #0 to #${cursor} `
      + 'with this one and then goes its own way with the plan below. This run does not change; you can switch '
      + 'between the two with the links at the top of each.';
    const list = this.dialog.querySelector('#branch-pending-list');
    this.keep = pending.map((fault, i) => {
      const box = el('input', { type: 'checkbox', id: `branch-keep-${i}`, checked: i !== change.remove && i !== change.edit });
      return { box, row: el('div', { class: 'checkbox-field' }, box,
        el('label', { htmlFor: box.id }, `Keep: ${faultText(fault)} (${faultTimeText(fault)})`)) };
    });
    this.dialog.querySelector('#branch-pending').hidden = pending.length === 0;
    list.replaceChildren(...this.keep.map((k) => k.row));
    const legend = this.dialog.querySelector('#branch-editor-legend');
    const label = this.dialog.querySelector('#branch-add-label');
    if (change.edit !== undefined) {
      const fault = pending[change.edit];
      this.editor.load(fault);
      legend.textContent = `Edit: ${faultText(fault)} (keeps its time: ${faultTimeText(fault)})`;
      label.textContent = 'Use the edited fault';
      this.add.checked = true;
    } else {
      legend.textContent = `A new fault right after event #${cursor}`;
      label.textContent = 'Add this fault';
      this.add.checked = false;
    }
    this.dialog.showModal();
  }

  async #submit() {
    this.error.textContent = '';
    const kept = this.pending.filter((_, i) => this.keep[i].box.checked);
    const added = [];
    try {
      if (this.add.checked) {
        const fault = this.editor.read();
        if (this.editing !== undefined) {
          const original = this.pending[this.editing];
          kept.push({ at: original.at ?? null, atEvent: original.atEvent ?? null, ...fault });
        } else {
          added.push(fault);
        }
      }
      await startBranch(this.runId, this.atEvent, branchFaults(kept, added, this.atEvent, this.sharedUntilTime));
    } catch (error) {
      this.error.textContent = error.message;
    }
  }
}
