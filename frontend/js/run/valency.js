// The scheduler's panel of the FLP run view: the valency of the configuration at the current event (bivalent,
// 0-valent, 1-valent, or unknown when the server's bounded search could not tell), found by the server
// (GET /api/runs/{id}/valency?at=k), and the messages in the network then, each with the scheduler's actions:
// hold it, release it, deliver it now. The actions apply live at the newest event of a run the viewer drives.
// Like the charts panel, it asks again once the answer before is in, for the newest cursor only.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { nodeName, payloadText } from '/js/run/event-text.js';

const SETTLE_MS = 150;
/** The protocols whose runs are binary consensus, where valency means something. */
const CONSENSUS = new Set(['flp']);

function valencyText(label) {
  return label === 'unknown' ? 'valency unknown' : label === 'none' ? 'no decision is reachable' : label;
}

export class ValencyPanel {
  /**
   * @param section  the panel, shown only for a protocol in CONSENSUS
   * @param runId    the run
   * @param protocol its protocol id
   * @param handlers { act(fault): applies a message action, onError(message) }
   */
  constructor(section, runId, protocol, handlers) {
    this.section = section;
    this.runId = runId;
    this.handlers = handlers;
    this.enabled = CONSENSUS.has(protocol);
    this.section.hidden = !this.enabled;
    this.badge = el('p', { id: 'valency', class: 'valency-badge', 'aria-live': 'polite' }, 'Searching…');
    this.why = el('p', { class: 'hint', id: 'valency-why' });
    this.mode = el('p', { class: 'hint', id: 'valency-mode' });
    this.messages = el('ul', { id: 'valency-messages', class: 'valency-messages' });
    this.section.append(this.badge, this.why, this.mode, this.messages);
    this.wanted = null;
    this.live = false;
    this.loading = false;
    this.timer = null;
    this.shown = null;
  }

  /** @param at the current event; @param live whether actions apply now (the newest event of a run the viewer drives) */
  showAt(at, live) {
    if (!this.enabled) {
      return;
    }
    const liveChanged = live !== this.live;
    this.live = live;
    if (liveChanged && this.shown) {
      this.#render(this.shown);
    }
    if (this.shown?.at === at) {
      return;
    }
    this.wanted = at;
    this.badge.dataset.valency = 'searching';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.#load(), SETTLE_MS);
  }

  async #load() {
    if (this.loading || this.wanted === null || this.wanted === this.shown?.at) {
      return;
    }
    const at = this.wanted;
    this.loading = true;
    try {
      this.#render(await api.get(`/api/runs/${encodeURIComponent(this.runId)}/valency?at=${at}`));
    } catch (error) {
      this.handlers.onError(`The valency at event #${at} could not be found: ${error.message}`);
    } finally {
      this.loading = false;
    }
    if (this.wanted !== this.shown?.at) {
      this.#load();
    }
  }

  #render(answer) {
    this.shown = answer;
    const where = answer.at < 0 ? 'The initial configuration' : `The configuration after event #${answer.at}`;
    this.badge.textContent = `${where} is ${valencyText(answer.label)}.`;
    this.badge.dataset.valency = answer.label;
    this.badge.dataset.at = String(answer.at);
    this.why.textContent = `Search: ${answer.why}.`;
    this.mode.textContent = this.live
      ? 'You are the scheduler: hold a message to keep it back, release it to let it go on, or deliver it now.'
      : 'Go to the newest event of a run you drive to act on its messages.';
    this.messages.replaceChildren(...answer.messages.map((m) => this.#message(m)));
  }

  #message(m) {
    const label = `message ${m.message} ${nodeName(m.from)} → ${nodeName(m.to)}`;
    const item = el('li', {
      'data-message': String(m.message), 'data-held': String(m.held), 'data-from': String(m.from), 'data-to': String(m.to),
      'data-type': m.type ?? '',
    },
      el('span', {}, `${m.held ? 'Held: ' : ''}${nodeName(m.from)} → ${nodeName(m.to)} ${m.type ?? 'message'} `,
        el('code', {}, payloadText(m.payload, 60)), ` (message ${m.message})`));
    const action = (kind, text) => {
      const button = el('button', { type: 'button', class: 'button small' }, text);
      button.setAttribute('aria-label', `${text} ${label}`);
      button.disabled = !this.live;
      button.addEventListener('click', () => this.handlers.act({ kind, params: { message: m.message } }));
      return button;
    };
    item.append(m.held ? action('RELEASE', 'Release') : action('HOLD', 'Hold'), action('DELIVER', 'Deliver now'));
    return item;
  }
}
