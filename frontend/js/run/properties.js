// The properties panel: what the protocol's monitors say at the cursor. The server sends a `properties` frame
// (docs/API.md) with each property's verdict changes over the events it has sent; the panel shows the last
// change at or before the cursor, so scrubbing back never shows a violation from later in the run. A violated
// property names the event where it turned false and its witnesses, which jump to those events.
import { el } from '/js/dom.js';

const LABEL = { holds: 'holds', violated: 'violated', pending: 'judged at the end' };
const MARK = { holds: '✓', violated: '✗', pending: '…' };

/** The verdict of one property after event `cursor` (the changes are in trace order; the first is from -1). */
export function verdictAt(property, cursor) {
  let now = property.changes[0];
  for (const change of property.changes) {
    if (change.from <= cursor) {
      now = change;
    }
  }
  return now;
}

export class PropertiesPanel {
  /**
   * @param container the list element
   * @param actions   { witnesses(seqs, seq): jump to seq and mark every witness of that property }
   */
  constructor(container, actions) {
    this.container = container;
    this.actions = actions;
    this.properties = [];
    this.shown = null;
  }

  update(frame) {
    this.properties = frame.properties;
    this.shown = null;
  }

  show(cursor) {
    const key = JSON.stringify(this.properties.map((p) => verdictAt(p, cursor)));
    if (key === this.shown) {
      return;
    }
    this.shown = key;
    if (this.properties.length === 0) {
      this.container.replaceChildren(el('li', { class: 'muted' }, 'This protocol names no properties to watch.'));
      return;
    }
    this.container.replaceChildren(...this.properties.map((p) => this.#item(p, verdictAt(p, cursor))));
  }

  #item(property, verdict) {
    const item = el('li', { class: `property ${verdict.status}`, 'data-property': property.name, 'data-status': verdict.status },
      el('span', { class: 'property-badge', 'aria-hidden': 'true' }, MARK[verdict.status]),
      el('span', { class: 'property-name' }, property.name),
      el('span', { class: 'property-status' }, LABEL[verdict.status]));
    if (verdict.status !== 'violated') {
      return item;
    }
    const witnesses = verdict.witnesses.map((seq) => {
      const button = el('button', { type: 'button', class: 'link-button witness', 'data-seq': String(seq) }, `#${seq}`);
      button.addEventListener('click', () => this.actions.witnesses(verdict.witnesses, seq));
      return button;
    });
    const at = el('button', { type: 'button', class: 'link-button property-at', 'data-seq': String(verdict.at) }, `event #${verdict.at}`);
    at.addEventListener('click', () => this.actions.witnesses(verdict.witnesses, verdict.at));
    item.append(el('p', { class: 'property-why' }, 'Turned false at ', at, `: ${verdict.explanation}.`));
    if (witnesses.length > 0) {
      item.append(el('p', { class: 'property-witnesses' }, 'Witnesses: ',
        ...witnesses.flatMap((button, i) => (i > 0 ? [' ', button] : [button]))));
    }
    return item;
  }
}
