// The state inspector: every process's state right after the current event, as the server replays
// it (GET /api/runs/{id}/state?at=k), with what changed since the event before marked. States are
// cached per event and fetched only once the cursor rests, so scrubbing does not flood the server.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { nodeName } from '/js/run/event-text.js';

const SETTLE_MS = 120;
const CACHE_LIMIT = 200;

/** One cell as text: the display holds only scalars (strings, numbers, booleans, null). */
function show(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return String(value);
}

function statusOf(process) {
  if (!process) {
    return undefined;
  }
  return process.up ? (process.byzantine ? `up, Byzantine (${process.byzantine})` : 'up') : 'crashed';
}

/** Counts and marks the values that differ from the event before. */
class Changes {
  constructor(compare) {
    this.compare = compare;
    this.count = 0;
  }

  /** A cell (td or dd) or an inline value, marked if {@code old} is known and reads differently. */
  value(tag, value, old, known = this.compare) {
    const text = show(value);
    if (known && text !== show(old)) {
      this.count++;
      return el(tag, { class: 'changed', title: `was ${show(old)}` }, el('span', { class: 'visually-hidden' }, 'changed: '), text);
    }
    return el(tag, {}, text);
  }
}

/** The section of the same title in the display before, if the process showed one. */
function sectionBefore(previous, section) {
  return previous?.display?.sections.find((s) => s.title === section.title && s.kind === section.kind);
}

function renderFields(section, before, changes) {
  const entries = Object.entries(section.values);
  if (entries.length === 0) {
    return el('p', { class: 'muted' }, 'empty');
  }
  return el('dl', { class: 'state-fields' }, ...entries.flatMap(([key, value]) => [
    el('dt', {}, key),
    changes.value('dd', value, before?.values[key], before !== undefined)]));
}

function renderTable(section, before, changes) {
  if (section.rows.length === 0) {
    return el('p', { class: 'muted' }, 'no rows');
  }
  return el('table', { class: 'data state-table' },
    el('thead', {}, el('tr', {}, ...section.columns.map((column) => el('th', { scope: 'col' }, column)))),
    el('tbody', {}, ...section.rows.map((row, r) => el('tr', {}, ...row.map((cell, c) =>
      changes.value('td', cell, before?.rows[r]?.[c], before !== undefined))))));
}

function renderSet(section, before, changes) {
  if (section.members.length === 0) {
    return el('p', { class: 'muted' }, 'none');
  }
  const old = new Set((before?.members ?? []).map(show));
  return el('ul', { class: 'state-set' }, ...section.members.map((member) =>
    changes.value('li', member, old.has(show(member)) ? member : undefined, before !== undefined)));
}

function renderVector(section, before, changes) {
  return el('table', { class: 'data state-table state-vector' },
    el('thead', {}, el('tr', {}, ...section.labels.map((label) => el('th', { scope: 'col' }, label)))),
    el('tbody', {}, el('tr', {}, ...section.values.map((value, i) =>
      changes.value('td', value, before?.values[i], before !== undefined)))));
}

const RENDERERS = { fields: renderFields, table: renderTable, set: renderSet, vector: renderVector };

export class Inspector {
  constructor(container, runId, onError) {
    this.container = container;
    this.runId = runId;
    this.onError = onError;
    this.cache = new Map();
    this.wanted = -1;
    this.timer = null;
    this.chosen = 0;
    this.now = null;
    this.before = null;
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
    if (!now.processes.some((p) => p.node === this.chosen)) {
      this.chosen = now.processes[0]?.node ?? -1;
    }
    const changes = new Changes(before !== null);
    const rows = now.processes.map((process) => this.#summaryRow(process, before?.processes.find((p) => p.node === process.node), changes));
    const chosen = now.processes.find((p) => p.node === this.chosen);
    // The detail marks its own changes; the caption counts those of the table above it.
    const detail = chosen ? this.#detail(chosen, before?.processes.find((p) => p.node === chosen.node), new Changes(before !== null)) : null;
    const caption = el('caption', {}, `After event #${now.at} (time ${now.time}); `
      + `${changes.count === 0 ? 'nothing changed since the event before' : `${changes.count} value${changes.count === 1 ? '' : 's'} changed since the event before (marked)`}`);
    const head = el('tr', {}, ...['Process', 'Status', 'State', 'Decision'].map((title) => el('th', { scope: 'col' }, title)));
    this.container.dataset.at = String(now.at);
    this.container.removeAttribute('aria-busy');
    this.container.replaceChildren(
      el('table', { class: 'data inspector-table' }, caption, el('thead', {}, head), el('tbody', {}, ...rows)),
      detail);
    this.now = now;
    this.before = before;
  }

  /** A process's row: its status, the values of its first section of fields, and its decision. */
  #summaryRow(process, previous, changes) {
    const fields = process.display.sections.find((s) => s.kind === 'fields');
    const oldFields = previous?.display.sections.find((s) => s.kind === 'fields' && s.title === fields?.title);
    const summary = el('td', { class: 'state-summary' }, ...Object.entries(fields?.values ?? {}).map(([key, value]) =>
      el('span', { class: 'summary-pair' }, `${key} `, changes.value('b', value, oldFields?.values[key], oldFields !== undefined))));
    const name = el('button', {
      type: 'button', class: 'link-button', 'aria-pressed': String(process.node === this.chosen),
      'aria-label': `Show ${nodeName(process.node)}'s state`,
      onclick: () => this.#choose(process.node),
    }, nodeName(process.node));
    return el('tr', { 'data-node': String(process.node), 'data-status': process.up ? 'up' : 'crashed', class: process.node === this.chosen ? 'chosen' : '' },
      el('th', { scope: 'row' }, name, el('span', { class: 'muted role' }, ` ${process.role}`)),
      changes.value('td', statusOf(process), statusOf(previous), previous !== undefined),
      summary,
      changes.value('td', process.decision, previous?.decision, previous !== undefined));
  }

  /** Every section of the chosen process, each drawn by its kind. */
  #detail(process, previous, changes) {
    const sections = process.display.sections.map((section) => el('section', { class: 'state-section', 'data-kind': section.kind, 'data-title': section.title },
      el('h4', {}, section.title),
      RENDERERS[section.kind](section, previous ? sectionBefore(previous, section) : undefined, changes)));
    const intro = process.up ? null : el('p', { class: 'muted' }, 'Crashed: its volatile state is gone; this is what its stable storage holds.');
    return el('div', { class: 'state-detail', 'data-node': String(process.node), 'aria-live': 'polite' },
      el('h3', {}, `${nodeName(process.node)} (${process.role})`),
      intro,
      ...(sections.length === 0 ? [el('p', { class: 'muted' }, 'Nothing to show.')] : sections));
  }

  #choose(node) {
    this.chosen = node;
    if (this.now) {
      this.#render(this.now, this.before);
    }
  }
}
