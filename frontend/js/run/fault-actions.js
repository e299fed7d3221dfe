// What can be done to the process or link picked in the topology: crash, recover, make Byzantine, cut,
// restore, set loss, and partition the processes selected for it. Each action hands a list of faults
// to apply(): injected now when the view is at the newest event and the viewer drives the run,
// otherwise started as a branch from the current event (the panel says which, before the click).
import { el } from '/js/dom.js';
import { nodeName } from '/js/run/event-text.js';

/** Where a fault picked here takes effect: now in this run, or in a branch from the event in view. */
function modeText(how) {
  if (how.live) {
    return how.newest < 0 ? 'Faults apply now, at the start of the run.' : `Faults apply now, at the newest event (#${how.newest}).`;
  }
  const branch = 'a fault starts a new branch from here, and this run stays as it is.';
  if (!how.canDrive) {
    return `You are viewing event #${how.cursor} of a run you cannot drive: ${branch}`;
  }
  if (how.ended && how.cursor === how.newest) {
    return `The run has ended; you are viewing its last event (#${how.cursor}): ${branch}`;
  }
  return how.cursor < 0 ? `You are viewing the start of the run: ${branch}` : `You are viewing event #${how.cursor}, not the newest: ${branch}`;
}

export class FaultActions {
  /**
   * @param container the panel
   * @param behaviours the protocol's Byzantine behaviours [{name, description}]
   * @param handlers { apply(faults), togglePartitionChoice(node), clearPartitionChoice() }
   */
  constructor(container, behaviours, handlers) {
    this.container = container;
    this.behaviours = behaviours;
    this.handlers = handlers;
  }

  /**
   * @param focus  {node} or {link: [a, b]} or null
   * @param world  the world at the current event
   * @param chosen the processes selected for a partition
   * @param how    {live: boolean, cursor, newest, canDrive, ended}
   */
  show(focus, world, chosen, how) {
    const parts = [el('p', { class: 'hint', id: 'fault-mode' }, modeText(how))];
    if (focus?.node !== undefined) {
      parts.push(this.#nodeActions(focus.node, world.nodes[focus.node], chosen, how.live));
    } else if (focus?.link) {
      parts.push(this.#linkActions(focus.link, world, how.live));
    } else {
      parts.push(el('p', { class: 'muted' }, 'Pick a process or a link in the topology (or a process button) to act on it.'));
    }
    if (chosen.size > 0 || world.partitioned) {
      parts.push(this.#partitionActions(chosen, world, how.live));
    }
    this.container.replaceChildren(...parts);
  }

  #button(label, faults, live) {
    const button = el('button', { type: 'button', class: 'button small' }, live ? label : `${label} (branch)`);
    button.addEventListener('click', () => this.handlers.apply(faults));
    return button;
  }

  #nodeActions(id, node, chosen, live) {
    const group = el('div', { class: 'action-group', role: 'group' });
    group.setAttribute('aria-label', `Actions for ${nodeName(id)}`);
    group.append(el('h3', {}, `${nodeName(id)} — ${node.crashed ? 'crashed' : 'up'}${node.byzantine ? `, Byzantine (${node.byzantine})` : ''}`));
    if (node.crashed) {
      group.append(this.#button(`Recover ${nodeName(id)}`, [{ kind: 'RECOVER', target: id, params: {} }], live));
    } else {
      group.append(this.#button(`Crash ${nodeName(id)}`, [{ kind: 'CRASH', target: id, params: {} }], live));
    }
    if (this.behaviours.length > 0 && !node.byzantine && !node.crashed) {
      const select = el('select', { id: `behaviour-${id}` },
        ...this.behaviours.map((b) => el('option', { value: b.name }, `${b.name}: ${b.description}`)));
      const make = el('button', { type: 'button', class: 'button small' }, live ? 'Make Byzantine' : 'Make Byzantine (branch)');
      make.addEventListener('click', () => this.handlers.apply([{ kind: 'BYZANTINE', target: id, params: { behaviour: select.value } }]));
      group.append(el('div', { class: 'inline-field' }, el('label', { htmlFor: select.id }, 'Behaviour'), select, make));
    }
    const choose = el('button', { type: 'button', class: 'button small' },
      chosen.has(id) ? `Unselect ${nodeName(id)} for a partition` : `Select ${nodeName(id)} for a partition`);
    choose.setAttribute('aria-pressed', String(chosen.has(id)));
    choose.addEventListener('click', () => this.handlers.togglePartitionChoice(id));
    group.append(choose);
    return group;
  }

  #linkActions([a, b], world, live) {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    const cut = world.cut.get(key);
    const group = el('div', { class: 'action-group', role: 'group' });
    const name = `${nodeName(a)} ↔ ${nodeName(b)}`;
    group.setAttribute('aria-label', `Actions for the link ${name}`);
    group.append(el('h3', {}, `Link ${name} — ${cut ? 'cut' : 'up'}`));
    if (cut) {
      group.append(this.#button(`Restore link ${name}`, [{ kind: 'LINK_UP', target: a, params: { to: b } }], live));
    } else {
      group.append(this.#button(`Cut link ${name}`, [{ kind: 'LINK_DOWN', target: a, params: { to: b } }], live));
    }
    const current = world.loss.get(`${a}->${b}`) ?? world.loss.get(`${b}->${a}`) ?? 0;
    const percent = el('input', { id: `loss-${a}-${b}`, type: 'number', min: '0', max: '100', step: '1', value: String(Math.round(current * 100)) });
    const error = el('p', { class: 'field-error', id: `loss-${a}-${b}-error` });
    percent.setAttribute('aria-describedby', error.id);
    const set = el('button', { type: 'button', class: 'button small' }, live ? 'Set loss' : 'Set loss (branch)');
    set.addEventListener('click', () => {
      const value = Number(percent.value);
      if (percent.value === '' || !Number.isFinite(value) || value < 0 || value > 100) {
        error.textContent = 'Give a loss from 0 to 100 percent.';
        percent.setAttribute('aria-invalid', 'true');
        return;
      }
      const probability = value / 100;
      this.handlers.apply([
        { kind: 'LINK_LOSS', target: a, params: { to: b, probability } },
        { kind: 'LINK_LOSS', target: b, params: { to: a, probability } },
      ]);
    });
    group.append(el('div', { class: 'inline-field' }, el('label', { htmlFor: percent.id }, 'Loss in both directions (%)'), percent, set), error);
    return group;
  }

  #partitionActions(chosen, world, live) {
    const group = el('div', { class: 'action-group', role: 'group' });
    group.setAttribute('aria-label', 'Partition');
    const members = [...chosen].sort((x, y) => x - y);
    group.append(el('h3', {}, world.partitioned ? 'The network is partitioned' : 'Partition'));
    if (members.length > 0) {
      group.append(el('p', {}, `Selected: ${members.map(nodeName).join(', ')}. The others form the other side.`),
        this.#button(`Partition ${members.map(nodeName).join(', ')} from the rest`,
          [{ kind: 'PARTITION', target: null, params: { groups: [members] } }], live));
      const clear = el('button', { type: 'button', class: 'button small' }, 'Clear the selection');
      clear.addEventListener('click', () => this.handlers.clearPartitionChoice());
      group.append(' ', clear);
    }
    if (world.partitioned) {
      group.append(' ', this.#button('Heal the partition', [{ kind: 'HEAL', target: null, params: {} }], live));
    }
    return group;
  }
}
