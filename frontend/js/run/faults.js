// Faults in the run view: the fault plan (every fault of the recipe with its time, reached or not at
// the current event), the actions offered for a node or link picked in the topology, and a small
// editor for one fault. The kernel applies a fault "now" or at a planned time; the past cannot be
// edited in place, so changing or removing a fault the current event has not reached yet makes a
// branch from the current event with the changed plan, and the page says so.
import { el } from '/js/dom.js';
import { processIdsOf } from '/js/process-label.js';
import { faultText, faultTimeText, nodeName } from '/js/run/event-text.js';
import { KIND, TraceIndex } from '/js/run/trace-index.js';

/**
 * The form fields of an intervention kind, from the server's spec of it (GET /api/protocols:
 * interventions); nothing about a kind is written down here.
 */
export function fieldsOf(spec) {
  return (spec?.params ?? []).map((p) => ({
    name: p.name,
    type: p.type.toLowerCase(),
    min: p.type === 'MESSAGE' ? 0 : (p.min ?? undefined),
    max: p.type === 'TEXT' ? undefined : (p.max ?? undefined),
    required: p.required,
    label: p.label,
  }));
}

/** Every intervention kind's spec from the catalog, for editors given kinds by name (a lab's allowed kinds). */
const KNOWN = new Map();

export function rememberInterventions(specs) {
  (specs ?? []).forEach((spec) => KNOWN.set(spec.kind, spec));
}

/** "uniform 1 5", "constant 2" or "exponential 3" as the kernel's delay {kind, min, max, mean}. */
function parseDelay(text) {
  const [kind, ...numbers] = text.split(/\s+/).filter(Boolean);
  const values = numbers.map(Number);
  if (values.some((v) => !Number.isFinite(v))) {
    throw new Error('A delay is written like uniform 1 5, constant 2 or exponential 3.');
  }
  switch (kind) {
    case 'constant':
      return { kind, min: values[0], max: values[0], mean: values[0] };
    case 'uniform':
      return { kind, min: values[0], max: values[1] ?? values[0], mean: ((values[0] + (values[1] ?? values[0])) / 2) };
    case 'exponential':
      return { kind, min: 1, max: 1, mean: values[0] };
    default:
      throw new Error('A delay is written like uniform 1 5, constant 2 or exponential 3.');
  }
}


/**
 * Where the trace applied each fault of the plan by event {@code cursor}: the seq of the FAULT event
 * carrying it (same time, kind, target and parameters) at or before the cursor, or -1 when not reached.
 */
export function appliedFaults(plan, index, cursor) {
  const applied = TraceIndex.within(index.landmarks, 0, cursor)
    .filter((seq) => index.kind[seq] === KIND.FAULT)
    .map((seq) => ({ seq, key: JSON.stringify(index.event(seq).payload) }));
  return plan.map((fault) => {
    const at = applied.findIndex((a) => a.key === JSON.stringify(fault));
    if (at < 0) {
      return -1;
    }
    return applied.splice(at, 1)[0].seq;
  });
}

/** Which faults of the plan the trace has applied by event {@code cursor}. */
export function reachedFaults(plan, index, cursor) {
  return appliedFaults(plan, index, cursor).map((seq) => seq >= 0);
}

/**
 * A form for one intervention (a fault, a client request, a message action), built from the kinds'
 * specs the server sends; read() returns {kind, target, params} or throws an Error in words.
 */
export class FaultEditor {
  constructor(nodes, behaviours, interventions, idPrefix) {
    this.nodes = nodes;
    this.behaviours = behaviours;
    this.idPrefix = idPrefix;
    const specs = interventions.map((k) => (typeof k === 'string' ? KNOWN.get(k) : k)).filter(Boolean);
    this.specs = new Map(specs.map((spec) => [spec.kind, spec]));
    this.kind = el('select', { id: `${idPrefix}-kind` },
      ...specs.filter((spec) => spec.kind !== 'BYZANTINE' || behaviours.length > 0)
        .map((spec) => el('option', { value: spec.kind, title: spec.description }, spec.kind.toLowerCase().replace(/_/g, ' '))));
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
    this.targetField.hidden = !this.specs.get(kind)?.target;
    this.inputs = {};
    const fields = fieldsOf(this.specs.get(kind)).map((spec) => {
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
        input = el('input', { id, type: 'text', value: (values[spec.name] ?? []).map(nodeName).join(' ') });
      } else if (spec.type === 'text') {
        input = el('input', { id, type: 'text', value: values[spec.name] ?? '' });
      } else if (spec.type === 'delay') {
        const d = values[spec.name];
        const shown = !d ? '' : d.kind === 'uniform' ? `uniform ${d.min} ${d.max}`
          : d.kind === 'exponential' ? `exponential ${d.mean}` : `${d.kind} ${d.min}`;
        input = el('input', { id, type: 'text', value: shown });
      } else if (spec.type === 'groups') {
        input = el('input', { id, type: 'text', value: (values.groups ?? []).map((g) => g.map(nodeName).join(' ')).join(' | ') });
      } else {
        input = el('input', { id, type: 'number', step: spec.type === 'int' ? '1' : 'any', value: values[spec.name] ?? '' });
        if (spec.type === 'probability') {
          input.min = '0';
          input.max = '1';
        } else {
          if (spec.min !== undefined) {
            input.min = String(spec.min);
          }
          if (spec.max !== undefined) {
            input.max = String(spec.max);
          }
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
          params[spec.name] = processIdsOf(raw, this.nodes);
          break;
        case 'groups':
          params.groups = raw.split('|').map((group) => processIdsOf(group, this.nodes)).filter((g) => g.length > 0);
          break;
        case 'boolean':
        case 'behaviour':
        case 'text':
          params[spec.name] = raw;
          break;
        case 'delay':
          params[spec.name] = parseDelay(raw);
          break;
        default: {
          const value = Number(raw);
          if (!Number.isFinite(value) || (spec.type === 'int' && !Number.isInteger(value))) {
            throw new Error(`${spec.label} must be ${spec.type === 'int' ? 'a whole number' : 'a number'}.`);
          }
          if (spec.type === 'probability' && (value < 0 || value > 1)) {
            throw new Error(`${spec.label} must be between 0 and 1.`);
          }
          if ((spec.type === 'int' || spec.type === 'message') && !Number.isInteger(value)) {
            throw new Error(`${spec.label} must be a whole number.`);
          }
          if (spec.min !== undefined && value < spec.min) {
            throw new Error(`${spec.label} must be at least ${spec.min}.`);
          }
          if (spec.max !== undefined && value > spec.max) {
            throw new Error(`${spec.label} must be at most ${spec.max}.`);
          }
          params[spec.name] = value;
        }
      }
    }
    return { kind, target: this.specs.get(kind)?.target ? Number(this.target.value) : null, params };
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

  /**
   * @param applied for each fault, the seq of the FAULT event that applied it, or -1
   * @param index   the trace, for the time of those events
   */
  show(plan, applied, cursor, index) {
    const reached = applied.map((seq) => seq >= 0);
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
        el('span', { class: 'fault-state' }, reached[i]
          ? ` (happened at event #${applied[i]}, time ${index.time[applied[i]]})` : ' (not reached yet)'));
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
