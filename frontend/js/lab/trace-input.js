// A trace answer: the student opens the exercise's run, which is played to its end, and ticks the
// events asked for among those of the allowed kinds. The answer is the events' trace indexes.
import { api } from '/js/api.js';
import { el, notice } from '/js/dom.js';
import { eventText } from '/js/run/event-text.js';
import { RunStream } from '/js/run/stream.js';
import { startRun, runViewUrl } from '/js/lab/open-run.js';

const PAGE = 5000;
const FASTEST = 1_000_000;

/** A new run is paused at event 0: play it at full speed until it ends, over its stream. */
function playToEnd(run) {
  if (run.status === 'ENDED') {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const stream = new RunStream(run.id, () => -1, {
      connection: (state) => {
        if (state === 'open') {
          stream.send({ cmd: 'speed', eventsPerSecond: FASTEST });
          stream.send({ cmd: 'play' });
        }
      },
      frame: (frame) => {
        if ((frame.type === 'status' || frame.type === 'hello') && frame.run.status === 'ENDED') {
          stream.close();
          resolve();
        } else if (frame.type === 'error') {
          stream.close();
          reject(new Error(frame.message));
        }
      },
    });
    stream.open();
  });
}

async function wholeTrace(runId) {
  const events = [];
  let from = 0;
  for (;;) {
    const page = await api.get(`/api/runs/${encodeURIComponent(runId)}/trace?from=${from}&limit=${PAGE}`);
    events.push(...page.events);
    if (page.next >= page.total) {
      return events;
    }
    from = page.next;
  }
}

export class TraceInput {
  constructor(spec, idPrefix) {
    this.spec = spec;
    this.idPrefix = idPrefix;
    this.kinds = new Set(spec.kinds);
    this.chosen = new Set();
    this.boxes = new Map();
    this.listeners = [];
    this.loadButton = el('button', { type: 'button', class: 'button' }, 'Load the run\'s events');
    this.loadButton.addEventListener('click', () => this.#loadEvents());
    this.status = el('div', { 'aria-live': 'polite' });
    this.summary = el('p', { class: 'hint' });
    this.list = el('ul', { class: 'trace-events' });
    this.list.setAttribute('aria-label', 'Events you may pick');
    this.element = el('div', { class: 'trace-answer' },
      el('p', { class: 'hint' }, `Pick events of these kinds: ${spec.kinds.map((k) => k.toLowerCase()).join(', ')}.`),
      el('p', {}, this.loadButton), this.status, this.summary, this.list);
    this.#summarise();
  }

  async #loadEvents() {
    this.loadButton.disabled = true;
    this.status.replaceChildren(el('p', { class: 'muted' }, 'Running the scenario…'));
    try {
      const run = await startRun({ recipe: this.spec.recipe });
      await playToEnd(run);
      const events = (await wholeTrace(run.id)).filter((event) => this.kinds.has(event.kind));
      this.#showEvents(events);
      this.status.replaceChildren(el('p', {}, `${events.length} events to pick from. `,
        el('a', { href: runViewUrl(run.id), target: '_blank', rel: 'noopener' }, 'Open this run in the run view'),
        ' (in a new tab).'));
    } catch (error) {
      this.status.replaceChildren(notice(`The run's events could not be loaded: ${error.message}`));
      this.loadButton.disabled = false;
    }
  }

  #showEvents(events) {
    this.boxes.clear();
    this.list.replaceChildren(...events.map((event) => {
      const id = `${this.idPrefix}-event-${event.seq}`;
      const box = el('input', { id, type: 'checkbox', value: String(event.seq), checked: this.chosen.has(event.seq) });
      box.addEventListener('change', () => {
        if (box.checked) {
          this.chosen.add(event.seq);
        } else {
          this.chosen.delete(event.seq);
        }
        this.#changed();
      });
      const tip = el('span', { class: 'option-feedback', id: `${id}-feedback` });
      const item = el('li', { class: 'choice-option' }, box,
        el('label', { htmlFor: id }, `#${event.seq} (time ${event.time}): ${eventText(event)}`), tip);
      this.boxes.set(event.seq, { box, item, tip });
      return item;
    }));
    this.loadButton.hidden = true;
  }

  #summarise() {
    const picked = [...this.chosen].sort((a, b) => a - b);
    this.summary.textContent = picked.length === 0 ? 'No event picked yet.'
      : `Picked: ${picked.map((seq) => `#${seq}`).join(', ')}.`;
  }

  #changed() {
    this.mark([]);
    this.#summarise();
    this.listeners.forEach((listener) => listener());
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  draft() {
    return { events: [...this.chosen].sort((a, b) => a - b) };
  }

  answer() {
    const answer = this.draft();
    if (answer.events.length === 0) {
      throw new Error(this.boxes.size === 0 ? 'Load the run\'s events, then pick some.' : 'Pick at least one event.');
    }
    return answer;
  }

  load(answer) {
    this.chosen = new Set(answer?.events ?? []);
    this.boxes.forEach(({ box }, seq) => { box.checked = this.chosen.has(seq); });
    this.#summarise();
  }

  cellLabel(id) {
    return `event #${id}`;
  }

  focusCell(id) {
    this.boxes.get(Number(id))?.box.focus();
  }

  mark(cellGrades) {
    this.boxes.forEach(({ item, box, tip }) => {
      item.classList.remove('wrong');
      box.removeAttribute('aria-describedby');
      tip.textContent = '';
    });
    for (const grade of cellGrades) {
      const entry = this.boxes.get(Number(grade.cell));
      if (entry && !grade.correct) {
        entry.item.classList.add('wrong');
        entry.box.setAttribute('aria-describedby', entry.tip.id);
        entry.tip.textContent = ` — ${grade.feedback || 'not right'}`;
      }
    }
  }

  disable(disabled) {
    this.boxes.forEach(({ box }) => { box.disabled = disabled; });
    this.loadButton.disabled = disabled;
  }
}

export function traceAnswerText(spec, answer) {
  return el('p', {}, (answer?.events ?? []).map((seq) => `#${seq}`).join(', ') || 'No events.');
}
