// The "start a run" form, built from the protocol's parameter specs: each field explains its limits,
// is checked as you type, and shows the server's refusal next to itself when the server names it
// (details.field such as "recipe.params.f"). Starting the run opens the run view.
import { api, ApiError, session } from '/js/api.js';
import { el, notice } from '/js/dom.js';
import { limitsText, parseParam } from '/js/run/params.js';
import { processLabel } from '/js/process-label.js';
import { BehaviourFields } from '/js/behaviour-fields.js';

const form = document.getElementById('new-run-form');
const status = document.getElementById('new-run-status');
const $ = (id) => document.getElementById(id);
let protocols = [];
let byzantineRows = 0;

function current() {
  return protocols.find((p) => p.id === form.elements.protocol.value);
}

function setError(input, message) {
  const slot = $(`${input.id}-error`);
  if (slot) {
    slot.textContent = message ?? '';
  }
  if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
}

function paramField(spec) {
  const id = `param-${spec.name}`;
  const hintId = `${id}-hint`;
  const input = spec.type === 'BOOLEAN'
    ? el('input', { id, name: `params.${spec.name}`, type: 'checkbox', checked: Boolean(spec.defaultValue) })
    : el('input', {
      id, name: `params.${spec.name}`, type: spec.type === 'INT' || spec.type === 'DOUBLE' ? 'number' : 'text',
      placeholder: spec.defaultValue === null || spec.defaultValue === undefined ? '' : String(spec.defaultValue),
    });
  if (spec.type === 'INT' || spec.type === 'DOUBLE') {
    input.step = spec.type === 'INT' ? '1' : 'any';
    if (spec.min !== null) {
      input.min = String(spec.min);
    }
    if (spec.max !== null) {
      input.max = String(spec.max);
    }
  }
  if (spec.defaultValue !== null && spec.defaultValue !== undefined && spec.type !== 'BOOLEAN') {
    input.value = Array.isArray(spec.defaultValue) ? spec.defaultValue.join(' ') : String(spec.defaultValue);
  }
  input.setAttribute('aria-describedby', `${hintId} ${id}-error`);
  input.dataset.param = spec.name;
  input.addEventListener('input', () => setError(input, parseParam(spec, input.type === 'checkbox' ? input.checked : input.value).error));
  return el('div', { class: 'field' },
    el('label', { htmlFor: id }, spec.name),
    input,
    el('p', { class: 'hint', id: hintId }, `${spec.description} — ${limitsText(spec)}.`),
    el('p', { class: 'field-error', id: `${id}-error` }));
}

function byzantineRow(behaviours) {
  const count = byzantineRows++;
  const nodeId = `byzantine-${count}-node`;
  const behaviourId = `byzantine-${count}-behaviour`;
  const node = el('select', { id: nodeId });
  fillProcessChoices(node, count);
  node.setAttribute('aria-describedby', `${nodeId}-error`);
  node.addEventListener('change', () => setError(node, checkByzantineNode(node)));
  const behaviour = el('select', { id: behaviourId },
    ...behaviours.map((b) => el('option', { value: b.name }, `${b.name}: ${b.description}`)));
  const fields = new BehaviourFields(`byzantine-${count}`, behaviours, processCount);
  fields.show(behaviour.value);
  behaviour.addEventListener('change', () => fields.show(behaviour.value));
  const remove = el('button', { type: 'button', class: 'button small' }, 'Remove');
  const row = el('div', { class: 'byzantine-row' },
    el('div', { class: 'inline-field' },
      el('label', { htmlFor: nodeId }, 'Process'), node,
      el('label', { htmlFor: behaviourId }, 'Behaviour'), behaviour, remove),
    fields.element,
    el('p', { class: 'field-error', id: `${nodeId}-error` }));
  row.behaviourFields = fields;
  remove.addEventListener('click', () => row.remove());
  return row;
}

/** The choices P1..Pn of a traitor's process select, keeping the one chosen when n changes. */
function fillProcessChoices(select, preferred) {
  const n = processCount() ?? 1;
  const chosen = select.value === '' ? preferred : Number(select.value);
  select.replaceChildren(...Array.from({ length: n }, (_, id) => el('option', { value: String(id) }, processLabel(id))));
  select.value = String(Math.min(chosen, n - 1));
}

function processCount() {
  const n = form.elements.namedItem('params.n') ?? form.elements.namedItem('params.participants');
  const value = n ? Number(n.value || n.placeholder) : NaN;
  if (!Number.isInteger(value) || value < 1) {
    return null;
  }
  return n.name === 'params.participants' ? value + 1 : value;
}

function checkByzantineNode(select) {
  const twice = [...form.querySelectorAll('.byzantine-row select[id$="-node"]')].filter((other) => other.value === select.value).length > 1;
  return twice ? `${processLabel(Number(select.value))} is listed twice.` : null;
}

function showProtocol() {
  const protocol = current();
  $('protocol-description').textContent = protocol.description;
  $('parameter-fields').replaceChildren(...protocol.parameters.map(paramField));
  $('byzantine-rows').replaceChildren();
  $('byzantine').hidden = protocol.behaviours.length === 0;
}

function showDelayFields() {
  const kind = $('delay-kind').value;
  $('delay-min-field').hidden = kind === 'exponential';
  $('delay-max-field').hidden = kind !== 'uniform';
  $('delay-mean-field').hidden = kind !== 'exponential';
  $('delay-min').labels[0].textContent = kind === 'uniform' ? 'Delay (minimum) in ticks' : 'Delay in ticks';
}

/** Checks the network fields; returns the NetworkSpec or null, with errors shown next to the fields. */
function readNetwork() {
  let ok = true;
  const number = (input, min, max, whole) => {
    const value = Number(input.value);
    let error = null;
    if (input.value.trim() === '' || !Number.isFinite(value)) {
      error = 'Give a number.';
    } else if (whole && !Number.isInteger(value)) {
      error = 'Give a whole number of ticks.';
    } else if (value < min || value > max) {
      error = max === Infinity ? `Must be at least ${min}.` : `Must be between ${min} and ${max}.`;
    }
    setError(input, error);
    ok = ok && error === null;
    return value;
  };
  const kind = $('delay-kind').value;
  let delay;
  if (kind === 'constant') {
    const ticks = number($('delay-min'), 1, Infinity, true);
    delay = { kind, min: ticks, max: ticks, mean: ticks };
  } else if (kind === 'uniform') {
    const min = number($('delay-min'), 1, Infinity, true);
    const max = number($('delay-max'), 1, Infinity, true);
    if (ok && max < min) {
      setError($('delay-max'), `Must be at least the minimum (${min}).`);
      ok = false;
    }
    delay = { kind, min, max, mean: (min + max) / 2 };
  } else {
    const mean = number($('delay-mean'), 1, Infinity, false);
    delay = { kind, min: 1, max: 1, mean };
  }
  const loss = number($('loss'), 0, 1, false);
  const duplication = number($('duplication'), 0, 1, false);
  return ok ? { delay, loss, duplication, fifo: $('fifo').checked } : null;
}

function readRecipe() {
  form.querySelector('.form-error').textContent = '';
  let ok = true;
  const params = {};
  for (const spec of current().parameters) {
    const input = $(`param-${spec.name}`);
    const { value, error } = parseParam(spec, input.type === 'checkbox' ? input.checked : input.value);
    setError(input, error);
    ok = ok && !error;
    if (value !== undefined) {
      params[spec.name] = value;
    }
  }
  // Rows may have been removed: name them by position, the index the server uses in its field paths.
  const faults = [...form.querySelectorAll('.byzantine-row')].map((row, i) => {
    const node = row.querySelector('select[id$="-node"]');
    const behaviour = row.querySelector('select[id$="-behaviour"]');
    node.name = `faults[${i}].target`;
    behaviour.name = `faults[${i}].params.behaviour`;
    let error = checkByzantineNode(node);
    let params = {};
    try {
      params = row.behaviourFields.read();
    } catch (problem) {
      error = error ?? problem.message;
    }
    setError(node, error);
    ok = ok && !error;
    return { at: 0, kind: 'BYZANTINE', target: Number(node.value), params: { behaviour: behaviour.value, ...params } };
  });
  const seed = $('seed');
  const seedOk = /^-?\d+$/.test(seed.value.trim());
  setError(seed, seedOk ? null : 'Give a whole number.');
  const network = readNetwork();
  if (!ok || !seedOk || network === null) {
    return null;
  }
  return { protocol: current().id, params, seed: Number(seed.value), faults, network };
}

/** The server names the field it refuses as a recipe path; show the message next to that field. */
function showServerError(error) {
  const path = error instanceof ApiError && error.field ? error.field.replace(/^recipe\./, '') : '';
  const byName = (name) => form.querySelector(`[name="${CSS.escape(name)}"]`);
  const input = path === '' ? null
    : byName(path) ?? byName(`${path}.kind`) ?? byName(path.replace(/\.params\..*$/, '.target'));
  const message = inWords(error.message);
  if (input && $(`${input.id}-error`)) {
    setError(input, message);
    input.focus();
  } else {
    form.querySelector('.form-error').textContent = message;
  }
}

/**
 * The server's message as the form's user reads it: without the recipe paths it names fields by
 * ("params.values: ", "faults[0].params.lies[2].round: "), which the field it is shown next to already
 * says, and with a lie-table row named by its place in the table.
 */
function inWords(message) {
  const sentences = String(message).split('; ').map((part) => {
    const row = /(?:^|\.)lies\[(\d+)]\.?(\w*): /.exec(part);
    const text = part.replace(/^(recipe\.)?(params|faults|network|budgets)[\w.[\]]*: /, '')
      .replace(/^lies\[\d+](\.\w+)?: /, '');
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return row ? `Row ${Number(row[1]) + 1} of the lie table${row[2] ? ` (${row[2]})` : ''}: ${text}` : sentence;
  });
  const joined = sentences.join('; ');
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}

async function start() {
  try {
    const [{ user }, catalog] = await Promise.all([session(), api.get('/api/protocols')]);
    protocols = catalog.protocols;
    if (user === null) {
      status.replaceChildren(notice('Log in to start a run.', 'status'),
        el('a', { href: `/login.html?next=${encodeURIComponent(location.pathname + location.search)}` }, 'Log in'));
      return;
    }
    form.elements.protocol.append(...protocols.map((p) => el('option', { value: p.id }, p.title)));
    const wanted = new URLSearchParams(location.search).get('protocol');
    if (protocols.some((p) => p.id === wanted)) {
      form.elements.protocol.value = wanted;
    }
    $('seed').value = String(Math.floor(Math.random() * 1_000_000));
    showProtocol();
    showDelayFields();
    status.replaceChildren();
    form.hidden = false;
  } catch (error) {
    status.replaceChildren(notice(`The protocols could not be loaded: ${error.message}`));
  }
}

form.elements.protocol.addEventListener('change', showProtocol);
$('delay-kind').addEventListener('change', showDelayFields);
$('add-byzantine').addEventListener('click', () => $('byzantine-rows').append(byzantineRow(current().behaviours)));
form.addEventListener('input', (event) => {
  if (event.target.name === 'params.n' || event.target.name === 'params.participants') {
    for (const row of form.querySelectorAll('.byzantine-row')) {
      fillProcessChoices(row.querySelector('select[id$="-node"]'), 0);
      row.behaviourFields.resize();
    }
  }
});
form.addEventListener('input', (event) => {
  if (event.target.closest('#network')) {
    readNetwork();
  }
});
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const recipe = readRecipe();
  if (recipe === null) {
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const created = await api.post('/api/runs', { recipe });
    location.assign(`/run.html?id=${encodeURIComponent(created.run.id)}`);
  } catch (error) {
    showServerError(error);
  } finally {
    button.disabled = false;
  }
});

start();
