// The run view (run.html?id=<run>): loads the run, keeps its trace in step with the server's stream,
// and keeps every panel (topology, diagram, log, inspector, fault plan, timeline) on one current event,
// the cursor. The cursor follows the newest event until the student moves it into the past.
import { api, ApiError } from '/js/api.js';
import { el } from '/js/dom.js';
import { TraceIndex, TraceGapError, KIND } from '/js/run/trace-index.js';
import { RunStream } from '/js/run/stream.js';
import { Diagram } from '/js/run/diagram.js';
import { EventLog } from '/js/run/event-log.js';
import { Inspector } from '/js/run/inspector.js';
import { Timeline, SPEEDS } from '/js/run/timeline.js';
import { Topology } from '/js/run/topology.js';
import { worldAt } from '/js/run/world-state.js';
import { FaultPlan, appliedFaults, reachedFaults } from '/js/run/faults.js';
import { FaultActions } from '/js/run/fault-actions.js';
import { BranchDialog, branchFaults, startBranch } from '/js/run/branch.js';
import { eventText, nodeName, payloadText } from '/js/run/event-text.js';
import { PropertiesPanel } from '/js/run/properties.js';
import { ChartsPanel } from '/js/run/charts.js';
import { SearchPanel } from '/js/run/search-panel.js';
import { ValencyPanel } from '/js/run/valency.js';

const TRACE_PAGE = 5000;
const $ = (id) => document.getElementById(id);

class RunPage {
  constructor(details, catalog, runs) {
    this.run = details.run;
    this.recipe = details.recipe;
    this.canDrive = details.canDrive;
    this.plan = [...details.recipe.faults];
    this.protocol = catalog.protocols.find((p) => p.id === this.run.protocol) ?? { title: this.run.protocol, behaviours: [] };
    this.index = new TraceIndex();
    this.cursor = -1;
    this.following = true;
    this.selected = -1;
    this.focus = null;
    this.chosen = new Set();
    this.frames = Promise.resolve();
    this.shownStateAt = null;
    this.updatePending = false;
    this.everLost = false;
    // run.html?id=…&at=<seq> (a lab's worked solution links here): that event is shown once it has arrived.
    const at = new URLSearchParams(location.search).get('at');
    this.pendingAt = at !== null && /^\d+$/.test(at) ? Number(at) : null;
    const n = this.run.nodes;

    this.diagram = new Diagram($('diagram'), this.index, n, {
      select: (arrow) => this.select(arrow),
      seek: (seq) => this.seek(seq),
    }, this.recipe.network?.delay?.mean ?? 5);
    this.log = new EventLog({
      viewport: $('log-viewport'), spacer: $('log-spacer'), rows: $('log-rows'), count: $('log-count'),
      nodeFilter: $('filter-node'), kindFilter: $('filter-kind'), typeFilter: $('filter-type'),
    }, this.index, n, { seek: (seq) => this.seekAndSelect(seq) });
    this.inspector = new Inspector($('inspector'), this.run.id, (message) => this.showCommandError(message));
    this.charts = new ChartsPanel($('charts-panel'), $('charts'), this.run.id, (message) => this.showCommandError(message));
    this.topology = new Topology($('topology'), $('node-list'), { from: $('link-from'), to: $('link-to'), pick: $('link-pick') }, n, {
      node: (id) => this.setFocus({ node: id }),
      link: (a, b) => this.setFocus({ link: [a, b] }),
    });
    this.actions = new FaultActions($('fault-actions'), this.protocol.behaviours, {
      apply: (faults) => this.applyFaults(faults),
      togglePartitionChoice: (id) => {
        if (!this.chosen.delete(id)) {
          this.chosen.add(id);
        }
        this.update();
      },
      clearPartitionChoice: () => {
        this.chosen.clear();
        this.update();
      },
    });
    this.faultPlan = new FaultPlan($('fault-plan'), {
      edit: (i) => this.openBranch({ edit: this.pendingFaults().indexOf(this.plan[i]) }),
      remove: (i) => this.openBranch({ remove: this.pendingFaults().indexOf(this.plan[i]) }),
    });
    this.branchDialog = new BranchDialog($('branch-dialog'), n, this.protocol.behaviours, catalog.interventions, this.run.id);
    this.timeline = new Timeline({
      play: $('play'), stepEvent: $('step-event'), stepRound: $('step-round'), back: $('back'), first: $('first'),
      latest: $('latest'), speed: $('speed'), scrubber: $('scrubber'), position: $('position'), help: $('help-button'),
      helpDialog: $('help-dialog'),
    }, this.#timelineActions());
    this.properties = new PropertiesPanel($('properties'), {
      witnesses: (seqs, seq) => this.showWitnesses(seqs, seq),
    });
    this.search = new SearchPanel($('search'), this.run.id, () => this.properties.properties.map((p) => p.name),
      this.run.protocol);
    this.valency = new ValencyPanel($('valency-panel'), this.run.id, this.run.protocol, {
      act: (fault) => this.applyFaults([fault]),
      onError: (message) => this.showCommandError(message),
    });
    $('branch-button').addEventListener('click', () => this.openBranch());
    $('command-error-close').addEventListener('click', () => { $('command-error').hidden = true; });
    this.#renderHead(runs);
    this.stream = new RunStream(this.run.id, () => this.index.lastSeq, {
      // One frame that fails (a trace page that could not be fetched) must not stop the frames after it: a later
      // events frame finds the gap and fetches what is missing.
      frame: (frame) => {
        this.frames = this.frames.then(() => this.#onFrame(frame)).catch((error) => {
          console.error('A frame from the server could not be shown', error);
          this.showCommandError(`Some events could not be shown (${error.message}); they are fetched again with the next ones.`);
        });
      },
      connection: (state, detail) => this.#onConnection(state, detail),
    });
    this.stream.open();
    this.update();
  }

  // ------------------------------------------------------------------ the stream

  async #onFrame(frame) {
    switch (frame.type) {
      case 'hello':
      case 'status':
        this.run = frame.run;
        break;
      case 'events':
        await this.#append(frame.first, frame.events);
        if (this.pendingAt !== null && this.newest >= this.pendingAt) {
          const seq = this.pendingAt;
          this.pendingAt = null;
          this.seekAndSelect(seq);
        }
        break;
      case 'injected':
        this.plan.push(frame.fault);
        break;
      case 'properties':
        this.properties.update(frame);
        break;
      case 'error':
        this.showCommandError(frame.message);
        break;
      default:
        return;
    }
    this.update();
  }

  /** Adds streamed events; events the page missed (should the server skip ahead) are fetched first. */
  async #append(first, events) {
    if (first > this.index.size) {
      await this.#fetchTrace(this.index.size, first);
    }
    try {
      this.index.append(events);
    } catch (error) {
      if (!(error instanceof TraceGapError)) {
        throw error;
      }
      await this.#fetchTrace(error.expected, error.got);
      this.index.append(events);
    }
    if (this.following) {
      this.cursor = this.index.size - 1;
    }
  }

  async #fetchTrace(from, to) {
    for (let next = from; next < to;) {
      const page = await api.get(`/api/runs/${encodeURIComponent(this.run.id)}/trace?from=${next}&limit=${Math.min(TRACE_PAGE, to - next)}`);
      this.index.append(page.events);
      next = page.next;
    }
  }

  #onConnection(state, detail) {
    const notice = $('connection');
    notice.dataset.state = state;
    if (state === 'lost') {
      this.everLost = true;
      notice.hidden = false;
      notice.className = 'connection-notice lost';
      notice.textContent = `The connection to the server was lost. Reconnecting by itself (attempt ${detail.attempt})… `
        + 'No events will be missed.';
    } else if (state === 'open' && this.everLost) {
      notice.hidden = false;
      notice.className = 'connection-notice ok';
      notice.textContent = 'Reconnected. The run continues from the last event received.';
      clearTimeout(this.noticeTimer);
      this.noticeTimer = setTimeout(() => { notice.hidden = true; }, 4000);
    }
  }

  send(command) {
    if (!this.stream.send(command)) {
      this.showCommandError('Not connected to the server right now; reconnecting. Try again in a moment.');
      return false;
    }
    return true;
  }

  showCommandError(message) {
    $('command-error-text').textContent = message;
    $('command-error').hidden = false;
  }

  // ------------------------------------------------------------------ the cursor

  get newest() {
    return this.index.size - 1;
  }

  get ended() {
    return this.run.status === 'ENDED';
  }

  seek(seq) {
    this.cursor = Math.max(-1, Math.min(seq, this.newest));
    this.following = this.cursor === this.newest;
    this.update();
  }

  /** Marks a violated property's witnesses in the diagram and the log, and moves to one of them. */
  showWitnesses(seqs, seq) {
    this.diagram.setHighlighted(seqs);
    this.log.setHighlighted(seqs);
    this.seekAndSelect(seq);
  }

  /** Moves to an event and, if it is part of a message, selects that message. */
  seekAndSelect(seq) {
    this.selected = this.#arrowOf(seq);
    this.diagram.setSelected(this.selected);
    this.#renderSelection();
    this.seek(seq);
  }

  select(arrow) {
    this.selected = arrow;
    this.diagram.setSelected(arrow);
    this.#renderSelection();
  }

  #arrowOf(seq) {
    const kind = this.index.kind[seq];
    if (kind === KIND.DELIVER || kind === KIND.DROP) {
      return this.index.arrowEndingAt(seq);
    }
    if (kind === KIND.SEND) {
      for (let i = seq + 1; i < this.index.size; i++) {
        if (this.index.parent[i] === seq && (this.index.kind[i] === KIND.DELIVER || this.index.kind[i] === KIND.DROP)) {
          return this.index.arrowEndingAt(i);
        }
      }
    }
    return -1;
  }

  #timelineActions() {
    const roundStarts = () => this.index.rounds;
    return {
      togglePlay: () => {
        if (!this.canDrive) {
          return;
        }
        if (this.run.status === 'PLAYING') {
          this.send({ cmd: 'pause' });
        } else if (!this.ended) {
          this.following = true;
          this.cursor = this.newest;
          this.send({ cmd: 'play' });
          this.update();
        }
      },
      stepEvent: () => {
        if (this.cursor < this.newest) {
          this.seek(this.cursor + 1);
        } else if (this.canDrive && !this.ended) {
          this.following = true;
          this.send({ cmd: 'step', events: 1 });
        }
      },
      stepRound: () => {
        const next = roundStarts().find((seq) => seq > this.cursor);
        if (next !== undefined) {
          this.seek(next);
        } else if (this.cursor < this.newest) {
          this.seek(this.newest);
        } else if (this.canDrive && !this.ended) {
          this.following = true;
          this.send({ cmd: 'step', to: 'round' });
        }
      },
      back: () => this.seek(Math.max(0, this.cursor - 1)),
      backRound: () => {
        const previous = roundStarts().filter((seq) => seq < this.cursor).pop();
        this.seek(previous ?? 0);
      },
      first: () => this.seek(0),
      latest: () => this.seek(this.newest),
      seek: (seq) => this.seek(seq),
      setSpeed: (speed) => this.send({ cmd: 'speed', eventsPerSecond: speed }),
      faster: () => this.#changeSpeed(1),
      slower: () => this.#changeSpeed(-1),
      zoomIn: () => this.diagram.zoom(0.5),
      zoomOut: () => this.diagram.zoom(2),
      fit: () => this.diagram.fit(),
      branch: () => this.openBranch(),
      clearSelection: () => {
        this.select(-1);
        this.setFocus(null);
      },
      help: () => this.timeline.showHelp(),
    };
  }

  #changeSpeed(direction) {
    if (!this.canDrive) {
      return;
    }
    const at = SPEEDS.findIndex((s) => s >= this.run.speed);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (at < 0 ? SPEEDS.length - 1 : at) + direction))];
    this.send({ cmd: 'speed', eventsPerSecond: next });
  }

  // ------------------------------------------------------------------ faults and branches

  setFocus(focus) {
    this.focus = focus;
    this.update();
  }

  /** Faults are injected live at the newest event by the run's driver; anything else becomes a branch. */
  get live() {
    return this.canDrive && !this.ended && this.cursor === this.newest;
  }

  async applyFaults(faults) {
    if (this.live) {
      this.following = true;
      faults.forEach((fault) => this.send({ cmd: 'inject', fault }));
      this.chosen.clear();
      return;
    }
    try {
      await startBranch(this.run.id, this.cursor + 1,
        branchFaults(this.pendingFaults(), faults, this.cursor + 1, this.#sharedUntilTime()));
    } catch (error) {
      this.showCommandError(`The branch could not be started: ${error.message}`);
    }
  }

  pendingFaults() {
    const reached = reachedFaults(this.plan, this.index, this.cursor);
    return this.plan.filter((_, i) => !reached[i]);
  }

  #sharedUntilTime() {
    return this.cursor >= 0 ? this.index.time[this.cursor] : -1;
  }

  openBranch(change = {}) {
    this.branchDialog.open(this.cursor, this.#sharedUntilTime(), this.pendingFaults(), change);
  }

  // ------------------------------------------------------------------ rendering

  /** Redraws every panel on the next frame; a burst of frames from the stream costs one redraw. */
  update() {
    if (this.updatePending) {
      return;
    }
    this.updatePending = true;
    requestAnimationFrame(() => {
      this.updatePending = false;
      this.#render();
    });
  }

  #render() {
    if (this.following) {
      this.cursor = this.newest;
    }
    const cursor = this.cursor;
    this.diagram.refresh();
    this.diagram.setCursor(cursor);
    this.log.refresh();
    this.log.setCursor(cursor);
    const world = worldAt(this.index, this.run.nodes, cursor);
    this.topology.show(world, this.chosen, this.focus);
    this.actions.show(this.focus, world, this.chosen,
      { live: this.live, cursor, newest: this.newest, canDrive: this.canDrive, ended: this.ended });
    this.faultPlan.show(this.plan, appliedFaults(this.plan, this.index, cursor), cursor, this.index);
    this.properties.show(cursor);
    this.charts.showAt(cursor);
    this.valency.showAt(cursor, this.live);
    this.timeline.update({
      size: this.index.size, cursor, playing: this.run.status === 'PLAYING', speed: this.run.speed,
      canDrive: this.canDrive, ended: this.ended,
    });
    if (this.shownStateAt !== cursor) {
      this.shownStateAt = cursor;
      this.inspector.showAt(cursor);
    }
    this.#renderMeta();
  }

  #renderMeta() {
    const run = this.run;
    const parts = [`${run.nodes} processes`, `status: ${run.status.toLowerCase()}`, `${run.eventCount} events`];
    if (run.roundBased) {
      parts.push(`round ${Math.max(0, run.round)} of ${run.rounds}`);
    }
    parts.push(`time ${run.time}`, `seed ${this.recipe.seed}`);
    if (run.endReason) {
      parts.push(`ended: ${run.endReason.message}`);
    }
    const meta = $('run-meta');
    meta.textContent = parts.join(' · ');
    meta.dataset.status = run.status;
    meta.dataset.events = String(run.eventCount);
  }

  #renderHead(runs) {
    document.title = `${this.protocol.title} — run ${this.run.id.slice(0, 8)} — FaultLab`;
    $('run-title').textContent = `${this.protocol.title}`;
    $('read-only').hidden = this.canDrive;
    const family = [];
    if (this.run.parentRunId) {
      family.push(el('p', {}, `Branch of `,
        el('a', { href: `/run.html?id=${this.run.parentRunId}`, id: 'parent-link' }, `run ${this.run.parentRunId.slice(0, 8)}`),
        ` at event #${this.run.branchedAtEvent}: events before it are the same in both runs.`));
    }
    const branches = runs.filter((r) => r.parentRunId === this.run.id);
    if (branches.length > 0) {
      family.push(el('p', {}, 'Branches of this run: ',
        ...branches.flatMap((b, i) => [i > 0 ? ', ' : null,
          el('a', { href: `/run.html?id=${b.id}`, class: 'branch-link' }, `run ${b.id.slice(0, 8)}`)]).filter(Boolean)));
    }
    $('run-family').replaceChildren(...family);
  }

  #renderSelection() {
    const container = $('selection');
    if (this.selected < 0) {
      container.replaceChildren();
      container.removeAttribute('data-message');
      return;
    }
    const send = this.index.event(this.index.arrowStart[this.selected]);
    const end = this.index.event(this.index.arrowEnd[this.selected]);
    const cause = send.parent >= 0 ? this.index.event(send.parent) : null;
    const goTo = (label, seq) => {
      const button = el('button', { type: 'button', class: 'link-button' }, label);
      button.addEventListener('click', () => this.seek(seq));
      return button;
    };
    container.dataset.message = String(send.msg);
    container.replaceChildren(
      el('h3', {}, `Message ${send.msg}: ${nodeName(send.node)} → ${nodeName(send.peer)} (${send.type ?? 'message'})`),
      el('dl', { class: 'selection-facts' },
        el('dt', {}, 'Payload'), el('dd', {}, el('code', {}, payloadText(send.payload, 2000))),
        el('dt', {}, 'Sent'), el('dd', {}, goTo(`event #${send.seq}`, send.seq), ` at time ${send.time}`),
        el('dt', {}, end.kind === 'DROP' ? 'Dropped' : 'Delivered'),
        el('dd', {}, goTo(`event #${end.seq}`, end.seq), ` at time ${end.time}${end.kind === 'DROP' ? ` — ${end.detail}` : ''}`),
        el('dt', {}, 'Causal parent'),
        el('dd', { id: 'causal-parent' }, cause ? goTo(`event #${cause.seq}`, cause.seq) : 'none (the process started)',
          cause ? `: ${eventText(cause)}` : '')));
  }
}

function showFatal(message, extra) {
  $('run-loading').hidden = true;
  const box = $('run-error');
  box.replaceChildren(el('p', {}, message), extra);
  box.hidden = false;
}

async function start() {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    showFatal('This page shows one run: open it from the catalog, or with run.html?id=<run id>.',
      el('a', { href: '/catalog.html' }, 'Go to the catalog'));
    return;
  }
  try {
    const [details, catalog, list] = await Promise.all([
      api.get(`/api/runs/${encodeURIComponent(id)}`), api.get('/api/protocols'), api.get('/api/runs')]);
    $('run-loading').hidden = true;
    $('run-view').hidden = false;
    new RunPage(details, catalog, list.runs);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showFatal('Log in to see this run.', el('a', { href: `/login.html?next=${encodeURIComponent(location.pathname + location.search)}` }, 'Log in'));
    } else {
      showFatal(`The run could not be opened: ${error.message}`, el('a', { href: '/catalog.html' }, 'Go to the catalog'));
    }
  }
}

start();
