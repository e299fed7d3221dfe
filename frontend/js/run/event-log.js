// The event log: every event as a line of text, filterable by process, kind and message type, kept in
// step with the diagram's cursor. Only the rows in view exist in the DOM (a long run has 100,000),
// so the list is a scroll box with a spacer of the full height and a window of rows moved into view.
// Heights and offsets are set through the CSSOM, which the page's Content-Security-Policy permits.
import { el } from '/js/dom.js';
import { KINDS } from '/js/run/trace-index.js';
import { eventText, nodeName } from '/js/run/event-text.js';

const ROW_HEIGHT = 24;
const OVERSCAN = 8;

export class EventLog {
  /**
   * @param parts    { viewport, spacer, rows, count, nodeFilter, kindFilter, typeFilter }
   * @param index    the TraceIndex
   * @param nodes    processes
   * @param handlers { seek(seq) }
   */
  constructor(parts, index, nodes, handlers) {
    Object.assign(this, parts);
    this.index = index;
    this.handlers = handlers;
    this.cursor = -1;
    this.matches = [];
    this.scanned = 0;
    this.types = new Set();
    this.pending = false;
    this.nodeFilter.append(...Array.from({ length: nodes }, (_, i) => el('option', { value: String(i) }, nodeName(i))));
    this.kindFilter.append(...KINDS.map((kind) => el('option', { value: kind }, kind)));
    for (const select of [this.nodeFilter, this.kindFilter, this.typeFilter]) {
      select.addEventListener('change', () => this.#refilter());
    }
    this.viewport.addEventListener('scroll', () => this.#render());
    this.viewport.addEventListener('keydown', (event) => this.#key(event));
    this.rows.addEventListener('click', (event) => {
      const row = event.target.closest('[data-seq]');
      if (row) {
        this.handlers.seek(Number(row.dataset.seq));
      }
    });
  }

  /** New events arrived: extend the matches without rescanning what was already filtered. */
  refresh() {
    const index = this.index;
    for (let seq = this.scanned; seq < index.size; seq++) {
      const event = index.event(seq);
      if (event.type && !this.types.has(event.type)) {
        this.types.add(event.type);
        this.typeFilter.append(el('option', { value: event.type }, event.type));
      }
      if (this.#matches(event)) {
        this.matches.push(seq);
      }
    }
    this.scanned = index.size;
    // The full height first, so that scrolling to the cursor right after is not clamped to the old height.
    this.spacer.style.height = `${this.matches.length * ROW_HEIGHT}px`;
    this.#schedule();
  }

  /** Marks these events (a violated property's witnesses) until other ones are marked. */
  setHighlighted(seqs) {
    this.highlighted = new Set(seqs);
    this.#schedule();
  }

  setCursor(seq) {
    this.cursor = seq;
    const position = this.#positionOf(seq);
    if (position >= 0) {
      const top = position * ROW_HEIGHT;
      const { scrollTop, clientHeight } = this.viewport;
      if (top < scrollTop || top + ROW_HEIGHT > scrollTop + clientHeight) {
        this.viewport.scrollTop = Math.max(0, top - clientHeight / 2);
      }
    }
    this.#schedule();
  }

  #matches(event) {
    const node = this.nodeFilter.value;
    const kind = this.kindFilter.value;
    const type = this.typeFilter.value;
    return (node === '' || event.node === Number(node))
      && (kind === '' || event.kind === kind)
      && (type === '' || event.type === type);
  }

  #refilter() {
    this.matches = [];
    this.scanned = 0;
    this.refresh();
    this.setCursor(this.cursor);
  }

  /** The position in the filtered list of the last match at or before seq. */
  #positionOf(seq) {
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.matches[mid] <= seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  #key(event) {
    const position = this.#positionOf(this.cursor);
    let target = -1;
    if (event.key === 'ArrowDown') {
      target = Math.min(this.matches.length - 1, position + 1);
    } else if (event.key === 'ArrowUp') {
      target = Math.max(0, position - 1);
    } else if (event.key === 'PageDown') {
      target = Math.min(this.matches.length - 1, position + 10);
    } else if (event.key === 'PageUp') {
      target = Math.max(0, position - 10);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (target >= 0 && this.matches.length > 0) {
      this.handlers.seek(this.matches[target]);
    }
  }

  #schedule() {
    if (this.pending) {
      return;
    }
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.#render();
    });
  }

  #render() {
    const total = this.matches.length;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(total, Math.ceil((this.viewport.scrollTop + this.viewport.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    this.rows.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    const rows = [];
    for (let position = first; position < last; position++) {
      rows.push(this.#row(this.index.event(this.matches[position])));
    }
    this.rows.replaceChildren(...rows);
    this.viewport.setAttribute('aria-activedescendant', this.cursor >= 0 ? `event-${this.cursor}` : '');
    this.count.textContent = total === this.index.size
      ? `${total} event${total === 1 ? '' : 's'}`
      : `${total} of ${this.index.size} events match the filters`;
    this.count.dataset.matches = String(total);
  }

  #row(event) {
    const classes = ['log-row', `kind-${event.kind.toLowerCase()}`];
    if (event.seq === this.cursor) {
      classes.push('current');
    } else if (event.seq > this.cursor) {
      classes.push('future');
    }
    if (this.highlighted?.has(event.seq)) {
      classes.push('witness');
    }
    const row = el('div', {
      id: `event-${event.seq}`, class: classes.join(' '), 'data-seq': String(event.seq),
      'data-kind': event.kind,
    },
    el('span', { class: 'log-seq' }, `#${event.seq}`),
    el('span', { class: 'log-time' }, `t=${event.time}`),
    el('span', { class: 'log-kind' }, event.kind),
    el('span', { class: 'log-text' }, eventText(event)));
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', String(event.seq === this.cursor));
    return row;
  }
}
