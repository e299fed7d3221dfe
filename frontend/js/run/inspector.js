// The state inspector: every process's state right after the current event, as the server replays
// it (GET /api/runs/{id}/state?at=k), with what changed since the event before marked. States are
// cached per event and fetched only once the cursor rests, so scrubbing does not flood the server.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { nodeName } from '/js/run/event-text.js';

const SETTLE_MS = 120;
const CACHE_LIMIT = 200;

function show(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class Inspector {
  constructor(container, runId, onError) {
    this.container = container;
    this.runId = runId;
    this.onError = onError;
    this.cache = new Map();
    this.wanted = -1;
    this.timer = null;
  }

  /** The processes after event {@code at} (a promise), from the cache or the server. */
  stateAt(at) {
    if (!this.cache.has(at)) {
      if (this.cache.size >= CACHE_LIMIT) {
        this.cache.delete(this.cache.keys().next().value);
      }
      const request = api.get(`/api/runs/${encodeURIComponent(this.runId)}/state?at=${at}`);
      request.catch(() => this.cache.delete(at));
      this.cache.set(at, request);
    }
    return this.cache.get(at);
  }

  showAt(at) {
    this.wanted = at;
    clearTimeout(this.timer);
    if (at < 0) {
      this.container.dataset.at = '-1';
      this.container.replaceChildren(el('p', { class: 'muted' }, 'Nothing has happened yet: every process is in its initial state.'));
      return;
    }
    this.container.setAttribute('aria-busy', 'true');
    this.timer = setTimeout(() => this.#load(at), SETTLE_MS);
  }

  async #load(at) {
    try {
      const [now, before] = await Promise.all([this.stateAt(at), at > 0 ? this.stateAt(at - 1) : null]);
      if (this.wanted === at) {
        this.#render(now, before);
      }
    } catch (error) {
      if (this.wanted === at) {
        this.container.removeAttribute('aria-busy');
        this.onError(`The state at event #${at} could not be loaded: ${error.message}`);
      }
    }
  }

  #render(now, before) {
    const keys = [...new Set(now.processes.flatMap((p) => Object.keys(p.state)))];
    const stableKeys = [...new Set(now.processes.flatMap((p) => Object.keys(p.stable)))];
    const head = el('tr', {},
      el('th', { scope: 'col' }, 'Process'),
      el('th', { scope: 'col' }, 'Status'),
      ...keys.map((key) => el('th', { scope: 'col' }, key)),
      ...stableKeys.map((key) => el('th', { scope: 'col' }, `stable: ${key}`)),
      el('th', { scope: 'col' }, 'Decision'));
    let changes = 0;
    const rows = now.processes.map((process) => {
      const previous = before?.processes.find((p) => p.node === process.node);
      const cell = (value, old) => {
        const text = show(value);
        const changed = previous !== undefined && text !== show(old);
        if (changed) {
          changes++;
          return el('td', { class: 'changed', title: `was ${show(old)}` },
            el('span', { class: 'visually-hidden' }, 'changed: '), text);
        }
        return el('td', {}, text);
      };
      const status = process.up ? (process.byzantine ? `up, Byzantine (${process.byzantine})` : 'up') : 'crashed';
      const oldStatus = previous ? (previous.up ? (previous.byzantine ? `up, Byzantine (${previous.byzantine})` : 'up') : 'crashed') : undefined;
      return el('tr', { 'data-node': String(process.node), 'data-status': process.up ? 'up' : 'crashed' },
        el('th', { scope: 'row' }, nodeName(process.node)),
        cell(status, oldStatus),
        ...keys.map((key) => cell(process.state[key], previous?.state[key])),
        ...stableKeys.map((key) => cell(process.stable[key], previous?.stable[key])),
        cell(process.decision, previous?.decision));
    });
    const caption = el('caption', {}, `After event #${now.at} (time ${now.time}); `
      + `${changes === 0 ? 'nothing changed since the event before' : `${changes} value${changes === 1 ? '' : 's'} changed since the event before (marked)`}`);
    this.container.dataset.at = String(now.at);
    this.container.removeAttribute('aria-busy');
    this.container.replaceChildren(el('table', { class: 'data inspector-table' }, caption, el('thead', {}, head), el('tbody', {}, ...rows)));
  }
}
