// Faults in the run view: the fault plan (every fault of the recipe with its time, reached or not at
// the current event), the actions offered for a node or link picked in the topology, and a small
// editor for one fault. The kernel applies a fault "now" or at a planned time; the past cannot be
// edited in place, so changing or removing a fault the current event has not reached yet makes a
// branch from the current event with the changed plan, and the page says so.
import { el } from '/js/dom.js';
import { faultText, faultTimeText, nodeName } from '/js/run/event-text.js';
import { KIND, TraceIndex } from '/js/run/trace-index.js';

/** The parameters each fault kind reads (see FaultKind in the kernel), as form fields. */
export const FAULT_PARAMS = {
  CRASH: [
    { name: 'afterSends', type: 'int', min: 1, label: 'after this many more sends (optional)' },
    { name: 'reaches', type: 'nodes', label: 'its last broadcast reaches only (optional, e.g. 1 3)' },
  ],
  RECOVER: [],
  SEND_OMISSION: [
    { name: 'probability', type: 'probability', label: 'probability a sent message is lost (default 1)' },
    { name: 'duration', type: 'int', min: 1, label: 'lasts this many ticks (optional)' },
  ],
  RECEIVE_OMISSION: [
    { name: 'probability', type: 'probability', label: 'probability an arriving message is lost (default 1)' },
    { name: 'duration', type: 'int', min: 1, label: 'lasts this many ticks (optional)' },
  ],
  TIMING: [
    { name: 'extraDelay', type: 'int', min: 0, label: 'extra message delay in ticks' },
    { name: 'timerFactor', type: 'number', min: 1, label: 'timers run this many times slower' },
    { name: 'duration', type: 'int', min: 1, label: 'lasts this many ticks (optional)' },
  ],
  BYZANTINE: [{ name: 'behaviour', type: 'behaviour', required: true, label: 'behaviour' }],
  LINK_DOWN: [
    { name: 'to', type: 'node', required: true, label: 'other end' },
    { name: 'oneWay', type: 'boolean', label: 'one way only' },
  ],
  LINK_UP: [
    { name: 'to', type: 'node', required: true, label: 'other end' },
    { name: 'oneWay', type: 'boolean', label: 'one way only' },
  ],
  LINK_LOSS: [
    { name: 'to', type: 'node', required: true, label: 'to' },
    { name: 'probability', type: 'probability', required: true, label: 'loss probability' },
  ],
  PARTITION: [{ name: 'groups', type: 'groups', required: true, label: 'groups, e.g. 0 1 | 2 3 4' }],
  HEAL: [],
  REQUEST: [{ name: 'command', type: 'text', required: true, label: 'the client asks for, e.g. x=5' }],
};

export function needsTarget(kind) {
  return kind !== 'PARTITION' && kind !== 'HEAL';
}

function parseNodes(text, nodes) {
  const ids = text.split(/[\s,]+/).filter(Boolean).map(Number);
  const bad = ids.find((id) => !Number.isInteger(id) || id < 0 || id >= nodes);
  if (bad !== undefined) {
    throw new Error(`${bad} is not a process of this run (0 to ${nodes - 1})`);
  }
  return ids;
}

/**
 * Which faults of the plan the trace has applied by event {@code cursor}: a fault is reached when a
 * FAULT event carrying it (same time, kind, target and parameters) is at or before the cursor.
 */
export function reachedFaults(plan, index, cursor) {
  const applied = TraceIndex.within(index.landmarks, 0, cursor)
    .filter((seq) => index.kind[seq] === KIND.FAULT)
    .map((seq) => JSON.stringify(index.event(seq).payload));
  return plan.map((fault) => {
    const at = applied.indexOf(JSON.stringify(fault));
    if (at < 0) {
      return false;
    }
    applied.splice(at, 1);
    return true;
  });
}

/** A form for one fault; read() returns {kind, target, params} or throws an Error in words. */
export class FaultEditor {
  constructor(nodes, behaviours, faultKinds, idPrefix) {
    this.nodes = nodes;
    this.behaviours = behaviours;
    this.idPrefix = idPrefix;
    this.kind = el('select', { id: `${idPrefix}-kind` },
      ...faultKinds.filter((k) => k !== 'BYZANTINE' || behaviours.length > 0)
        .map((k) => el('option', { value: k }, k.toLowerCase().replace(/_/g, ' '))));
    this.target = el('select', { id: `${idPrefix}-target` },
      ...Array.from({ length: nodes }, (_, i) => el('option', { value: String(i) }, nodeName(i))));
    this.targetField = el('div', { class: 'field' }, el('label', { htmlFor: this.target.id }, 'Process'), this.target);
    this.params = el('div', { class: 'fault-params' });
    this.element = el('div', { class: 'fault-editor' },
      el('div', { class: 'field' }, el('label', { htmlFor: this.kind.id }, 'Fault'), this.kind),
      this.targetField, this.params);
    this.kind.addEventListener('change', () => this.#renderParams({}));
    this.#renderParams({});
  }

  /** Fills the form with an existing fault. */
  load(fault) {
    this.kind.value = fault.kind;
    this.target.value = String(fault.target ?? 0);
    this.#renderParams(fault.params ?? {});
  }

  #renderParams(values) {
    const kind = this.kind.value;
    this.targetField.hidden = !needsTarget(kind);
    this.inputs = {};
    const fields = (FAULT_PARAMS[kind] ?? []).map((spec) => {
      const id = `${this.idPrefix}-${spec.name}`;
      let input;
      if (spec.type === 'node') {
        input = el('select', { id }, ...Array.from({ length: this.nodes }, (_, i) => el('option', { value: String(i) }, nodeName(i))));
        input.value = String(values[spec.name] ?? (this.nodes > 1 ? 1 : 0));
      } else if (spec.type === 'behaviour') {
        input = el('select', { id }, ...this.behaviours.map((b) => el('option', { value: b.name }, `${b.name}: ${b.description}`)));
        if (values.behaviour) {
          input.value = values.behaviour;
        }
      } else if (spec.type === 'boolean') {
        input = el('input', { id, type: 'checkbox', checked: Boolean(values[spec.name]) });
      } else if (spec.type === 'nodes') {
        input = el('input', { id, type: 'text', value: (values[spec.name] ?? []).join(' ') });
      } else if (spec.type === 'text') {
        input = el('input', { id, type: 'text', value: values[spec.name] ?? '' });
      } else if (spec.type === 'groups') {
        input = el('input', { id, type: 'text', value: (values.groups ?? []).map((g) => g.join(' ')).join(' | ') });
      } else {
        input = el('input', { id, type: 'number', step: spec.type === 'int' ? '1' : 'any', value: values[spec.name] ?? '' });
        if (spec.type === 'probability') {
          input.min = '0';
          input.max = '1';
        } else if (spec.min !== undefined) {
          input.min = String(spec.min);
        }
      }
      this.inputs[spec.name] = { spec, input };
      return el('div', { class: spec.type === 'boolean' ? 'field checkbox-field' : 'field' },
        el('label', { htmlFor: id }, spec.label), input);
    });
    this.params.replaceChildren(...fields);
  }

  read() {
    const kind = this.kind.value;
    const params = {};
    for (const { spec, input } of Object.values(this.inputs)) {
      const raw = input.type === 'checkbox' ? input.checked : input.value.trim();
      if (raw === '' || raw === false) {
        if (spec.required) {
          throw new Error(`Give the ${spec.label}.`);
        }
        continue;
      }
      switch (spec.type) {
        case 'node':
          params[spec.name] = Number(raw);
          break;
        case 'nodes':
          params[spec.name] = parseNodes(raw, this.nodes);
          break;
        case 'groups':
          params.groups = raw.split('|').map((group) => parseNodes(group, this.nodes)).filter((g) => g.length > 0);
          break;
        case 'boolean':
        case 'behaviour':
        case 'text':
          params[spec.name] = raw;
          break;
        default: {
          const value = Number(raw);
          if (!Number.isFinite(value) || (spec.type === 'int' && !Number.isInteger(value))) {
            throw new Error(`${spec.label} must be ${spec.type === 'int' ? 'a whole number' : 'a number'}.`);
          }
          if (spec.type === 'probability' && (value < 0 || value > 1)) {
            throw new Error(`${spec.label} must be between 0 and 1.`);
          }
          if (spec.min !== undefined && value < spec.min) {
            throw new Error(`${spec.label} must be at least ${spec.min}.`);
          }
          params[spec.name] = value;
        }
      }
    }
    return { kind, target: needsTarget(kind) ? Number(this.target.value) : null, params };
  }
}

/**
 * The fault plan panel. Each fault shows its time and whether the current event has reached it; a
 * fault not reached yet can be edited or removed, which branches from the current event.
 */
export class FaultPlan {
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
  }

  show(plan, reached, cursor) {
    if (plan.length === 0) {
      this.container.replaceChildren(el('p', { class: 'muted' },
        'No faults yet. Pick a process or a link in the topology to inject one.'));
      return;
    }
    const items = plan.map((fault, i) => {
      const state = reached[i] ? 'reached' : 'pending';
      const item = el('li', { class: `fault-item ${state}`, 'data-kind': fault.kind, 'data-state': state },
        el('span', { class: 'fault-what' }, faultText(fault)),
        el('span', { class: 'fault-when' }, ` — ${faultTimeText(fault)}`),
        el('span', { class: 'fault-state' }, reached[i] ? ` (happened by event #${cursor})` : ' (not reached yet)'));
      if (!reached[i]) {
        const edit = el('button', { type: 'button', class: 'button small' }, 'Edit…');
        edit.setAttribute('aria-label', `Edit ${faultText(fault)} in a branch from event #${cursor}`);
        edit.addEventListener('click', () => this.handlers.edit(i));
        const remove = el('button', { type: 'button', class: 'button small' }, 'Remove…');
        remove.setAttribute('aria-label', `Remove ${faultText(fault)} in a branch from event #${cursor}`);
        remove.addEventListener('click', () => this.handlers.remove(i));
        item.append(' ', edit, ' ', remove);
      }
      return item;
    });
    const pending = reached.some((r) => !r);
    const list = el('ol', { class: 'fault-list' }, ...items);
    if (pending) {
      this.container.replaceChildren(list, el('p', { class: 'hint' }, 'A fault not reached yet belongs to the recipe: '
        + `editing or removing it starts a branch from event #${cursor} with the changed plan; this run stays as it is.`));
    } else {
      this.container.replaceChildren(list);
    }
  }
}
