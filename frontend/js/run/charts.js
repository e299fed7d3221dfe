// The charts panel: charts a protocol declares for its runs (the failure detector's timeouts and suspicions over
// time), computed by the server from the run up to the current event (GET /api/runs/{id}/charts?at=k) and drawn
// with js/chart.js. While the run plays the panel asks again once the answer before is in, for the newest cursor
// only, so a fast run never queues requests. A protocol without run charts hides the panel after the first answer.
import { api } from '/js/api.js';
import { el } from '/js/dom.js';
import { drawChart } from '/js/chart.js';

const SETTLE_MS = 150;

export class ChartsPanel {
  /**
   * @param section   the panel, hidden until the protocol turns out to declare charts
   * @param container where the charts go
   */
  constructor(section, container, runId, onError) {
    this.section = section;
    this.container = container;
    this.runId = runId;
    this.onError = onError;
    this.declared = true;
    this.wanted = null;
    this.loading = false;
    this.timer = null;
    this.drawnAt = null;
  }

  showAt(at) {
    if (!this.declared || at === this.drawnAt) {
      return;
    }
    this.wanted = at;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.#load(), SETTLE_MS);
  }

  async #load() {
    if (this.loading || this.wanted === null || this.wanted === this.drawnAt) {
      return;
    }
    const at = this.wanted;
    this.loading = true;
    try {
      const answer = await api.get(`/api/runs/${encodeURIComponent(this.runId)}/charts?at=${at}`);
      this.declared = answer.declared;
      this.section.hidden = !answer.declared;
      if (answer.declared) {
        this.#render(answer);
      }
    } catch (error) {
      this.onError(`The charts at event #${at} could not be loaded: ${error.message}`);
    } finally {
      this.loading = false;
    }
    if (this.declared && this.wanted !== this.drawnAt) {
      this.#load();
    }
  }

  #render(answer) {
    // Keep open what the reader opened: the numbers tables.
    const open = [...this.container.querySelectorAll('details')].map((d) => d.open);
    const charts = answer.charts.map((chart) => el('figure', { class: 'run-chart', 'data-chart': chart.title },
      drawChart(chart)));
    this.container.replaceChildren(...charts);
    this.container.querySelectorAll('details').forEach((d, i) => { d.open = open[i] ?? false; });
    this.container.dataset.at = String(answer.at);
    this.drawnAt = answer.at;
  }
}
