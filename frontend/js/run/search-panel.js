// "Find a violation": starts a search of the explorer from this run (its protocol, parameters, network and fault
// plan), shows its progress once a second while it is queued or running, cancels it, and opens the violation it
// found as a run of one's own (docs/API.md, "Searches"). The bounds are the explorer's: the server's caps are
// shown next to each field, and what the server refuses comes back naming the field.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';

const POLL_MS = 1000;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

/** The bounds the form asks for; the time bound is typed in seconds and sent in milliseconds. */
const FIELDS = [
  { key: 'maxDepth', label: 'Steps from the start', help: 'each delivery, timer or injected fault is one step' },
  { key: 'maxCrashes', label: 'Crashes it may inject', help: 'at any step between two handlers' },
  { key: 'maxDrops', label: 'Messages it may lose', help: 'any message in flight' },
  { key: 'maxDuplicates', label: 'Messages it may duplicate', help: 'any message in flight, delivered twice' },
  { key: 'maxStates', label: 'States to look at', help: 'what limits memory: every distinct state is remembered' },
  { key: 'maxSeconds', label: 'Time limit (seconds)', help: 'wall-clock time', scale: 1000, sent: 'maxMillis' },
  { key: 'probes', label: 'Random deep probes', help: 'after the breadth-first search, for bugs deeper than it goes' },
];

const LEAST = { maxDepth: 1, maxCrashes: 0, maxDrops: 0, maxDuplicates: 0, maxStates: 1, maxSeconds: 1, probes: 0 };

const ENDED = {
  EXHAUSTED: 'No violation: the search saw every state within its crash and loss bounds.',
  BOUNDED: 'No violation within the bounds: the search stopped at its step, state or time limit before seeing every state. Raise a limit to look further.',
  CANCELLED: 'Cancelled.',
};

const number = (n) => Math.round(n).toLocaleString('en');

/** Reads the form: a whole number within [least, cap] for each field, or an error naming the field. */
export function readBounds(values, caps) {
  const bounds = {};
  for (const field of FIELDS) {
    const raw = String(values[field.key] ?? '').trim();
    const scale = field.scale ?? 1;
    const cap = Math.floor(caps[field.sent ?? field.key] / scale);
    if (!/^\d+$/.test(raw)) {
      return { error: `${field.label}: give a whole number from ${LEAST[field.key]} to ${number(cap)}.`, field: field.key };
    }
    const value = Number(raw);
    if (value < LEAST[field.key] || value > cap) {
      return { error: `${field.label}: ${number(value)} is outside ${LEAST[field.key]} to ${number(cap)}.`, field: field.key };
    }
    bounds[field.sent ?? field.key] = value * scale;
  }
  return { bounds };
}

export class SearchPanel {
  /**
   * @param container  the panel's body
   * @param runId      the run searched from
   * @param properties () => the names of the run's properties (its monitors), as the properties panel has them
   * @param protocol the run's protocol id, whose goals (states to reach) the catalog lists
   */
  constructor(container, runId, properties, protocol) {
    this.container = container;
    this.runId = runId;
    this.properties = properties;
    this.protocol = protocol;
    this.goals = null;
    this.search = null;
    this.timer = null;
    this.limits = null;
    this.property = el('select', { id: 'search-property' });
    this.inputs = Object.fromEntries(FIELDS.map((f) => [f.key, el('input', {
      id: `search-${f.key}`, type: 'number', inputMode: 'numeric', min: String(LEAST[f.key]), step: '1', required: true,
    })]));
    this.hints = Object.fromEntries(FIELDS.map((f) => [f.key, el('span', { class: 'hint', id: `search-${f.key}-hint` })]));
    this.error = el('p', { class: 'form-error', id: 'search-error', role: 'alert' });
    this.start = el('button', { type: 'submit', class: 'button primary', id: 'search-start' }, 'Start the search');
    this.form = el('form', { class: 'stack-form search-form', id: 'search-form', noValidate: true },
      el('div', { class: 'field' }, el('label', { htmlFor: 'search-property' }, 'Property to break, or goal to reach'), this.property),
      ...FIELDS.map((f) => el('div', { class: 'field' },
        el('label', { htmlFor: `search-${f.key}` }, f.label), this.inputs[f.key], this.hints[f.key])),
      this.error, this.start);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#start();
    });
    this.status = el('div', { id: 'search-status', class: 'search-status', 'aria-live': 'polite' });
    this.details = el('details', { id: 'search-details' },
      el('summary', {}, 'Search every run from this one…'),
      el('p', { class: 'hint' }, 'The explorer replays this run\'s start (protocol, parameters, network, fault plan) and '
        + 'tries every order of deliveries and timers, plus the crashes and losses you allow, breadth first: the first '
        + 'violation it finds is the shortest there is. It runs on the server; you can leave this page and come back.'),
      this.form);
    this.details.addEventListener('toggle', () => {
      if (this.details.open) {
        this.#fillForm();
      }
    });
    container.replaceChildren(this.details, this.status);
    this.#resume();
  }

  /** Shows the newest search of this run, if any, and follows it while it is going. */
  async #resume() {
    try {
      const list = await this.#loadLimits();
      const mine = list.searches.find((s) => s.runId === this.runId);
      if (mine) {
        this.#show(mine);
      }
    } catch (error) {
      this.status.replaceChildren(el('p', { class: 'form-error' }, `Searches could not be loaded: ${error.message}`));
    }
  }

  async #loadLimits() {
    const list = await api.get('/api/searches');
    this.limits = { defaults: list.defaults, caps: list.caps, perUser: list.perUser };
    return list;
  }

  async #fillForm() {
    if (this.limits === null) {
      await this.#loadLimits();
    }
    if (this.goals === null) {
      const catalog = await api.get('/api/protocols');
      this.goals = catalog.protocols.find((p) => p.id === this.protocol)?.goals ?? [];
    }
    const chosen = this.property.value;
    const goals = this.goals.length === 0 ? [] : [el('optgroup', { label: 'Goals to reach' },
      ...this.goals.map((g) => el('option', { value: `goal:${g.name}`, title: g.description }, `${g.name}: ${g.description}`)))];
    this.property.replaceChildren(el('option', { value: '' }, 'any property'),
      el('optgroup', { label: 'Properties to break' },
        ...this.properties().map((name) => el('option', { value: `property:${name}` }, name))),
      ...goals);
    this.property.value = chosen;
    const { defaults, caps } = this.limits;
    for (const field of FIELDS) {
      const scale = field.scale ?? 1;
      const cap = Math.floor(caps[field.sent ?? field.key] / scale);
      const input = this.inputs[field.key];
      input.max = String(cap);
      if (input.value === '') {
        input.value = String(Math.floor(defaults[field.sent ?? field.key] / scale));
      }
      this.hints[field.key].textContent = `${field.help}; ${LEAST[field.key]} to ${number(cap)} on this server.`;
    }
  }

  async #start() {
    this.error.textContent = '';
    Object.values(this.inputs).forEach((input) => input.removeAttribute('aria-invalid'));
    const values = Object.fromEntries(Object.entries(this.inputs).map(([key, input]) => [key, input.value]));
    const read = readBounds(values, this.limits.caps);
    if (read.error) {
      this.#refuse(read.error, read.field);
      return;
    }
    this.start.disabled = true;
    try {
      const body = { runId: this.runId, bounds: read.bounds };
      const [kind, ...name] = this.property.value.split(':');
      if (kind) {
        body[kind] = name.join(':');
      }
      this.#show(await api.post('/api/searches', body));
    } catch (error) {
      const field = error.field?.startsWith('bounds.') ? error.field.slice('bounds.'.length) : error.field;
      this.#refuse(error.message, field === 'maxMillis' ? 'maxSeconds' : field === 'goal' ? 'property' : field);
    } finally {
      this.start.disabled = false;
    }
  }

  #refuse(message, field) {
    this.error.textContent = message;
    const input = this.inputs[field] ?? (field === 'property' ? this.property : null);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }

  #show(search) {
    this.search = search;
    clearTimeout(this.timer);
    this.#render();
    if (ACTIVE.has(search.status)) {
      this.timer = setTimeout(() => this.#poll(), POLL_MS);
    }
  }

  async #poll() {
    try {
      this.#show(await api.get(`/api/searches/${encodeURIComponent(this.search.id)}`));
    } catch (error) {
      this.status.dataset.pollError = error.message;
      this.timer = setTimeout(() => this.#poll(), POLL_MS);
    }
  }

  async #cancel() {
    try {
      this.#show(await api.post(`/api/searches/${encodeURIComponent(this.search.id)}/cancel`));
    } catch (error) {
      this.error.textContent = error.message;
    }
  }

  async #open(button) {
    button.disabled = true;
    try {
      const opened = await api.post(`/api/searches/${encodeURIComponent(this.search.id)}/open`);
      location.assign(`/run.html?id=${encodeURIComponent(opened.runId)}`);
    } catch (error) {
      button.disabled = false;
      this.error.textContent = error.message;
    }
  }

  #render() {
    const s = this.search;
    const p = s.progress;
    this.status.dataset.status = s.status;
    const aim = s.goal ? `Search for the goal ${s.goal}`
      : s.property ? `Search for a violation of ${s.property}` : 'Search for a violation of any property';
    const parts = [el('h3', {}, aim)];
    const state = s.status === 'QUEUED'
      ? `Waiting for a free slot: number ${s.queuePosition} in the queue.`
      : `${s.status === 'RUNNING' ? 'Running' : 'Finished'}: ${(p.elapsedMillis / 1000).toFixed(1)} s of at most ${number(s.bounds.maxMillis / 1000)} s.`;
    parts.push(el('p', { id: 'search-state' }, state));
    parts.push(el('dl', { class: 'search-figures' },
      el('dt', {}, 'States explored'), el('dd', { id: 'search-explored', 'data-value': String(p.explored) },
        `${number(p.explored)} of at most ${number(s.bounds.maxStates)}`),
      el('dt', {}, 'Distinct states'), el('dd', { id: 'search-distinct', 'data-value': String(p.distinct) }, number(p.distinct)),
      el('dt', {}, 'Depth'), el('dd', { id: 'search-depth' }, `${p.depth} of at most ${s.bounds.maxDepth} steps`),
      el('dt', {}, 'States per second'), el('dd', { id: 'search-rate' }, number(p.statesPerSecond))));
    if (ACTIVE.has(s.status)) {
      const cancel = el('button', { type: 'button', class: 'button', id: 'search-cancel' }, 'Cancel the search');
      cancel.addEventListener('click', () => this.#cancel());
      parts.push(cancel);
    } else if (s.status === 'FOUND') {
      const f = s.found;
      const open = el('button', { type: 'button', class: 'button primary', id: 'search-open' }, 'Open counterexample');
      open.addEventListener('click', () => this.#open(open));
      parts.push(el('p', { id: 'search-violation', class: 'notice error' },
        s.goal ? `${s.goal} is reached: ${f.explanation}. ` : `${f.property} is violated: ${f.explanation}. `,
        f.byProbe ? `A random probe found it in ${f.steps} steps (a shorter run may exist).`
          : `${f.steps} steps: no run breaks it in fewer.`), open);
    } else {
      parts.push(el('p', { id: 'search-outcome' }, ENDED[s.status] ?? s.note ?? s.status.toLowerCase()));
    }
    this.status.replaceChildren(...parts);
  }
}
