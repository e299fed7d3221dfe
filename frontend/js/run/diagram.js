// The space-time diagram on a canvas: one lane per process, one column per event (so the messages of
// a synchronous round, which share an instant, stay apart), an arrow per message. Only what the
// viewport shows is drawn; past a few thousand arrows on screen it switches to an activity map per
// lane and pixel column, so a 100,000-event trace pans and zooms as smoothly as a short one.
import { KIND, TraceIndex, diagramLabel, isEndOfRounds } from '/js/run/trace-index.js';
import { Viewport, distanceToSegment, laneY } from '/js/run/layout.js';
import { eventText, nodeName, payloadText } from '/js/run/event-text.js';
import { paintCheckpointsAndCuts } from '/js/run/cuts.js';

const GUTTER = 44;
const TOP = 22;
const BOTTOM = 18;
const RIGHT = 10;
const MAX_DETAIL_ARROWS = 1500;
/** Messages in flight across the whole view (neither end visible) are drawn only while they are this few. */
const MAX_CROSSING_ARROWS = 300;
const HIT_PIXELS = 6;
/** A message just sent is drawn at least this long, so a send is visible before anything else happens. */
const MIN_FLIGHT_PIXELS = 14;
/** Messages in flight whose arrival the trace does not hold yet are drawn while they are this few. */
const MAX_PENDING_ARROWS = 2000;
const COLORS = {
  lane: '#c9ced8', laneDown: '#b3261e', text: '#1d2430', muted: '#5b6575', round: '#8a93a3',
  deliver: '#2557c7', inFlight: '#0b7a75', drop: '#b3261e', selected: '#e07b00', parent: '#7a3fb5', cursor: '#1d7a46',
  witness: '#c4161c', output: '#2557c7',
  crash: '#b3261e', recover: '#1d7a46', decide: '#1d2430', fault: '#b06000', duplicate: '#7a3fb5',
  activity: [37, 87, 199],
};

export class Diagram {
  /**
   * @param canvas    the canvas (its size comes from CSS)
   * @param index     the TraceIndex
   * @param nodeCount processes
   * @param handlers  { select(arrow | -1), seek(seq) }
   * @param delay     the typical message delay in ticks: how fast a message whose arrival is not known yet
   *                  is drawn to travel towards its receiver
   */
  constructor(canvas, index, nodeCount, handlers, delay = 5) {
    this.delay = Math.max(1, delay);
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.index = index;
    this.nodeCount = nodeCount;
    this.handlers = handlers;
    this.cursor = -1;
    this.selected = -1;
    this.hover = null;
    this.fitAll = true;
    this.viewport = new Viewport(1, 1);
    this.pending = false;
    this.activity = document.createElement('canvas');
    this.#listen();
    new ResizeObserver(() => this.#resize()).observe(canvas);
    this.#resize();
  }

  get plotWidth() {
    return this.width - GUTTER - RIGHT;
  }

  get plotHeight() {
    return this.height - TOP - BOTTOM;
  }

  /** New events arrived: the window grows; a view that shows everything, or follows the cursor, keeps doing so. */
  refresh() {
    this.viewport.resize(this.plotWidth, this.index.size);
    if (this.fitAll) {
      this.fit();
    }
    this.#describe();
    this.draw();
  }

  fit() {
    this.fitAll = true;
    this.viewport.seqsPerPixel = this.viewport.maxSeqsPerPixel;
    this.viewport.start = 0;
    this.draw();
  }

  zoom(factor) {
    this.fitAll = false;
    const anchor = this.cursor >= 0 ? this.viewport.xOf(this.cursor) : this.plotWidth / 2;
    this.viewport.zoomAt(Math.max(0, Math.min(this.plotWidth, anchor)), factor);
    this.draw();
  }

  setCursor(seq) {
    this.cursor = seq;
    if (seq >= 0 && !this.fitAll) {
      this.viewport.reveal(seq);
    }
    this.#describe();
    this.draw();
  }

  /** Rings these events (a violated property's witnesses) until other ones are ringed. */
  setHighlighted(seqs) {
    this.highlighted = [...seqs];
    this.canvas.dataset.highlighted = this.highlighted.join(' ');
    this.draw();
  }

  setSelected(arrow) {
    this.selected = arrow;
    if (arrow >= 0) {
      this.canvas.dataset.selected = this.#arrowText(arrow);
    } else {
      delete this.canvas.dataset.selected;
    }
    this.draw();
  }

  /** Draws on the next animation frame; many calls in one frame draw once. */
  draw() {
    if (this.pending) {
      return;
    }
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.#paint();
    });
  }

  // ------------------------------------------------------------------ input

  #listen() {
    const canvas = this.canvas;
    let drag = null;
    canvas.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, moved: false };
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
      const { x, y } = this.#local(event);
      if (drag) {
        const dx = event.clientX - drag.x;
        if (Math.abs(dx) > 2 || drag.moved) {
          drag.moved = true;
          drag.x = event.clientX;
          this.fitAll = false;
          this.viewport.panBy(-dx);
          this.hover = null;
          this.draw();
          return;
        }
      }
      const arrow = this.#arrowAt(x, y);
      this.hover = arrow >= 0 ? { arrow, x, y } : null;
      this.draw();
    });
    canvas.addEventListener('pointerup', (event) => {
      const wasDrag = drag?.moved;
      drag = null;
      if (wasDrag) {
        return;
      }
      const { x, y } = this.#local(event);
      const arrow = this.#arrowAt(x, y);
      if (arrow >= 0) {
        this.handlers.select(arrow);
      } else if (x >= GUTTER && x <= this.width - RIGHT) {
        const seq = this.viewport.seqAt(x - GUTTER);
        if (seq >= 0 && seq < this.index.size) {
          this.handlers.seek(seq);
        }
      }
    });
    canvas.addEventListener('pointerleave', () => {
      this.hover = null;
      this.draw();
    });
    canvas.addEventListener('wheel', (event) => {
      event.preventDefault();
      const { x } = this.#local(event);
      this.fitAll = false;
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        this.viewport.panBy(event.shiftKey ? event.deltaY : event.deltaX);
      } else {
        this.viewport.zoomAt(Math.max(0, x - GUTTER), Math.exp(event.deltaY * 0.002));
      }
      this.hover = null;
      this.draw();
    }, { passive: false });
  }

  #local(event) {
    const box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  #resize() {
    const ratio = window.devicePixelRatio || 1;
    this.width = Math.max(100, this.canvas.clientWidth);
    this.height = Math.max(80, this.canvas.clientHeight);
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.refresh();
  }

  // ------------------------------------------------------------------ geometry

  #y(node) {
    return laneY(node, this.nodeCount, TOP, this.plotHeight);
  }

  #x(seq) {
    return GUTTER + this.viewport.xOf(seq);
  }

  /** The two ends of an arrow; a message dropped at its sender ends half-way, where it was lost. */
  #ends(arrow) {
    const index = this.index;
    const start = index.arrowStart[arrow];
    const end = index.arrowEnd[arrow];
    const from = index.node[start];
    const to = index.peer[start];
    const droppedAtSender = index.kind[end] === KIND.DROP && index.node[end] === from;
    const y0 = this.#y(from);
    const y1 = droppedAtSender ? (y0 + this.#y(to)) / 2 : this.#y(to);
    return { a: { x: this.#x(start), y: y0 }, b: { x: this.#x(end), y: y1 }, dropped: index.kind[end] === KIND.DROP };
  }

  #visibleRange() {
    const first = Math.max(0, Math.floor(this.viewport.start));
    const last = Math.min(this.index.size - 1, Math.ceil(this.viewport.end));
    return [first, last];
  }

  /**
   * The arrows to draw for the window, or null when there are too many (then the activity map is drawn).
   * An arrow with an end on screen is short there and always drawn; one that only crosses the view is
   * drawn while such arrows are few, since thousands of screen-wide lines cost more than a frame.
   */
  #arrowsInView(first, last) {
    const key = `${first}:${last}:${this.index.arrowCount}`;
    if (this.arrowCache?.key === key) {
      return this.arrowCache.arrows;
    }
    let arrows = null;
    if (this.viewport.seqsPerPixel <= 2) {
      const near = [];
      const crossing = [];
      this.index.forEachArrowIn(first, last, (arrow) => {
        const crosses = this.index.arrowStart[arrow] < first && this.index.arrowEnd[arrow] > last;
        (crosses ? crossing : near).push(arrow);
      });
      if (near.length <= MAX_DETAIL_ARROWS) {
        arrows = { drawn: crossing.length <= MAX_CROSSING_ARROWS ? near.concat(crossing) : near, hidden: crossing.length > MAX_CROSSING_ARROWS ? crossing.length : 0 };
      }
    }
    this.arrowCache = { key, arrows };
    return arrows;
  }

  #arrowAt(x, y) {
    const [first, last] = this.#visibleRange();
    const arrows = this.index.size === 0 ? null : this.#arrowsInView(first, last);
    if (arrows === null) {
      return -1;
    }
    let best = -1;
    let bestDistance = HIT_PIXELS;
    for (const arrow of arrows.drawn) {
      const { a, b } = this.#ends(arrow);
      const d = distanceToSegment(x, y, a, b);
      if (d < bestDistance) {
        best = arrow;
        bestDistance = d;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ painting

  #paint() {
    const started = performance.now();
    const g = this.context;
    g.clearRect(0, 0, this.width, this.height);
    g.font = '12px system-ui, sans-serif';
    g.textBaseline = 'middle';
    const [first, last] = this.index.size === 0 ? [0, -1] : this.#visibleRange();
    this.labels = [];
    this.#paintLanes(first, last);
    g.save();
    g.beginPath();
    g.rect(GUTTER, 0, this.plotWidth, this.height);
    g.clip();
    this.#paintRounds(first, last);
    if (last >= first) {
      const arrows = this.#arrowsInView(first, last);
      const detailed = arrows !== null;
      this.canvas.dataset.mode = detailed ? 'detail' : 'overview';
      if (detailed) {
        this.#paintArrows(arrows);
        this.#paintUnanswered(last);
      } else {
        this.canvas.dataset.inFlight = '0';
        this.#paintActivity(first, last);
      }
      this.#paintLandmarks(first, last, detailed);
      paintCheckpointsAndCuts(this.context, this.index, this.canvas, {
        first, last, cursor: this.cursor, x: (seq) => this.#x(seq), y: (node) => this.#y(node),
        labels: detailed && this.viewport.seqsPerPixel <= 0.25,
      });
      this.#paintWitnesses(first, last);
      this.#paintSelection();
      this.#paintCursor();
    }
    g.restore();
    this.#paintRuler(first, last);
    // The labels written, with their boxes: tests check that none overlaps another or leaves the plot.
    this.canvas.dataset.labels = JSON.stringify(this.labels);
    this.#paintHover();
    // Published for the run view benchmark (backend/src/test/java/dev/faultlab/bench/RunViewBench.java).
    this.canvas.dataset.paintMs = (performance.now() - started).toFixed(2);
  }

  #paintLanes(first, last) {
    const g = this.context;
    g.textAlign = 'right';
    for (let node = 0; node < this.nodeCount; node++) {
      const y = this.#y(node);
      g.fillStyle = COLORS.text;
      if (this.plotHeight / this.nodeCount >= 9 || node % Math.ceil(9 * this.nodeCount / this.plotHeight) === 0) {
        g.fillText(nodeName(node), GUTTER - 8, y);
      }
      g.strokeStyle = COLORS.lane;
      g.lineWidth = 1;
      g.setLineDash([]);
      g.beginPath();
      g.moveTo(GUTTER, y);
      g.lineTo(this.width - RIGHT, y);
      g.stroke();
    }
    // A crashed process's lane is drawn dashed and red while it is down: a difference of shape, not only colour.
    const down = new Map();
    for (const seq of this.index.landmarks) {
      const kind = this.index.kind[seq];
      const node = this.index.node[seq];
      if (kind === KIND.CRASH) {
        down.set(node, seq);
      } else if (kind === KIND.RECOVER && down.has(node)) {
        this.#paintDownLane(node, down.get(node), seq, first, last);
        down.delete(node);
      }
    }
    down.forEach((from, node) => this.#paintDownLane(node, from, Math.max(last, from) + 1, first, last));
  }

  #paintDownLane(node, from, to, first, last) {
    if (to < first || from > last + 1) {
      return;
    }
    const g = this.context;
    const y = this.#y(node);
    g.strokeStyle = COLORS.laneDown;
    g.lineWidth = 3;
    g.setLineDash([6, 4]);
    g.beginPath();
    g.moveTo(Math.max(GUTTER, this.#x(from)), y);
    g.lineTo(Math.min(this.width - RIGHT, this.#x(to)), y);
    g.stroke();
    g.setLineDash([]);
    g.lineWidth = 1;
  }

  #paintRounds(first, last) {
    const g = this.context;
    g.strokeStyle = COLORS.round;
    g.setLineDash([3, 3]);
    for (const seq of TraceIndex.within(this.index.rounds, first, last)) {
      const x = GUTTER + this.viewport.xOf(seq - 0.5);
      g.beginPath();
      g.moveTo(x, TOP - 6);
      g.lineTo(x, this.height - BOTTOM);
      g.stroke();
      const event = this.index.event(seq);
      this.#label(isEndOfRounds(event) ? 'decide' : `round ${event.payload}`, x + 3, TOP - 10, COLORS.muted);
    }
    g.setLineDash([]);
  }

  /**
   * Writes a label at (x, y) unless it would overlap one already written; a label that would run past
   * the plot's right edge is written to the left of x instead, ending {@code flip} pixels before it.
   * Returns whether it was written.
   */
  #label(text, x, y, color, flip = 0) {
    const g = this.context;
    const width = g.measureText(text).width;
    let left = x;
    if (left + width > this.width - RIGHT) {
      left = Math.min(x - flip - width, this.width - RIGHT - width);
    }
    left = Math.max(GUTTER + 1, left);
    const box = { text, left: left - 3, right: left + width + 3, top: y - 7, bottom: y + 7 };
    if (this.labels.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)) {
      return false;
    }
    this.labels.push(box);
    g.fillStyle = color;
    g.textAlign = 'left';
    g.fillText(text, left, y);
    return true;
  }

  #paintArrows({ drawn, hidden }) {
    const g = this.context;
    const paths = {
      deliveredPast: new Path2D(), deliveredFuture: new Path2D(), droppedPast: new Path2D(), droppedFuture: new Path2D(),
      headsPast: new Path2D(), headsFuture: new Path2D(), crossesPast: new Path2D(), crossesFuture: new Path2D(),
    };
    const cursor = this.cursor;
    const flying = new Path2D();
    const flyingHeads = new Path2D();
    let inFlight = 0;
    for (const arrow of drawn) {
      const { a, b, dropped } = this.#ends(arrow);
      const start = this.index.arrowStart[arrow];
      const end = this.index.arrowEnd[arrow];
      const past = end <= cursor;
      if (!past && start <= cursor) {
        // Sent but not arrived at the cursor: the way travelled so far is drawn solid, its tip at the cursor.
        const share = Math.max((cursor - start) / Math.max(1, end - start), this.#minimumShare(a, b));
        const tip = { x: a.x + share * (b.x - a.x), y: a.y + share * (b.y - a.y) };
        flying.moveTo(a.x, a.y);
        flying.lineTo(tip.x, tip.y);
        arrowHead(flyingHeads, a, tip);
        inFlight++;
      }
      const line = dropped ? (past ? paths.droppedPast : paths.droppedFuture)
        : (past ? paths.deliveredPast : paths.deliveredFuture);
      line.moveTo(a.x, a.y);
      line.lineTo(b.x, b.y);
      if (dropped) {
        const cross = past ? paths.crossesPast : paths.crossesFuture;
        cross.moveTo(b.x - 4, b.y - 4);
        cross.lineTo(b.x + 4, b.y + 4);
        cross.moveTo(b.x + 4, b.y - 4);
        cross.lineTo(b.x - 4, b.y + 4);
      } else {
        arrowHead(past ? paths.headsPast : paths.headsFuture, a, b);
      }
      (past ? paths.headsPast : paths.headsFuture).rect(a.x - 1.5, a.y - 1.5, 3, 3);
    }
    for (const [past, alpha] of [[false, 0.25], [true, 1]]) {
      g.globalAlpha = alpha;
      g.lineWidth = 1;
      g.strokeStyle = COLORS.deliver;
      g.stroke(past ? paths.deliveredPast : paths.deliveredFuture);
      g.fillStyle = COLORS.deliver;
      g.fill(past ? paths.headsPast : paths.headsFuture);
      g.strokeStyle = COLORS.drop;
      g.setLineDash([4, 3]);
      g.stroke(past ? paths.droppedPast : paths.droppedFuture);
      g.setLineDash([]);
      g.lineWidth = 2;
      g.stroke(past ? paths.crossesPast : paths.crossesFuture);
    }
    g.globalAlpha = 1;
    this.#paintFlying(flying, flyingHeads);
    this.inFlightKnown = inFlight;
    g.lineWidth = 1;
    if (hidden > 0) {
      g.fillStyle = COLORS.muted;
      g.textAlign = 'right';
      g.fillText(`${hidden} more messages in flight cross this view; zoom out to see them`, this.width - RIGHT - 4, TOP + 6);
    }
  }

  #minimumShare(a, b) {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    return length === 0 ? 1 : Math.min(1, MIN_FLIGHT_PIXELS / length);
  }

  #paintFlying(lines, heads) {
    const g = this.context;
    g.strokeStyle = COLORS.inFlight;
    g.fillStyle = COLORS.inFlight;
    g.lineWidth = 2;
    g.stroke(lines);
    g.fill(heads);
    g.lineWidth = 1;
  }

  /**
   * Messages sent at or before the cursor whose arrival the trace does not hold yet (a live run has not
   * computed it): an arrow from the send towards the receiver's lane that grows with the time since the
   * send, relative to the typical delay, and stops short of the lane since the arrival is not known.
   */
  #paintUnanswered(last) {
    const cursor = this.cursor;
    let count = 0;
    if (cursor >= 0 && this.index.unanswered.size > 0) {
      const lines = new Path2D();
      const heads = new Path2D();
      const now = this.index.time[cursor];
      const tipX = this.#x(cursor);
      for (const seq of this.index.unanswered) {
        if (seq > cursor || seq > last || count >= MAX_PENDING_ARROWS) {
          continue;
        }
        const a = { x: this.#x(seq), y: this.#y(this.index.node[seq]) };
        const toY = this.#y(this.index.peer[seq]);
        const share = Math.min(0.85, 0.2 + 0.65 * ((now - this.index.time[seq]) / this.delay));
        const tip = { x: Math.max(tipX, a.x + MIN_FLIGHT_PIXELS), y: a.y + share * (toY - a.y) };
        lines.moveTo(a.x, a.y);
        lines.lineTo(tip.x, tip.y);
        arrowHead(heads, a, tip);
        count++;
      }
      this.context.setLineDash([5, 3]);
      this.#paintFlying(lines, heads);
      this.context.setLineDash([]);
    }
    this.canvas.dataset.inFlight = String(count + (this.inFlightKnown ?? 0));
  }

  /** Overview: how many events each lane has under each pixel column, as a map scaled onto the plot. */
  #paintActivity(first, last) {
    const columns = Math.max(1, Math.ceil(this.plotWidth));
    const lanes = this.nodeCount;
    const counts = new Uint32Array(columns * lanes);
    const index = this.index;
    const { start, seqsPerPixel } = this.viewport;
    let most = 1;
    for (let seq = first; seq <= last; seq++) {
      const node = index.node[seq];
      if (node < 0) {
        continue;
      }
      const column = Math.floor((seq + 0.5 - start) / seqsPerPixel);
      if (column < 0 || column >= columns) {
        continue;
      }
      const cell = node * columns + column;
      counts[cell]++;
      if (counts[cell] > most) {
        most = counts[cell];
      }
    }
    const image = new ImageData(columns, lanes);
    const [r, gr, b] = COLORS.activity;
    for (let cell = 0; cell < counts.length; cell++) {
      if (counts[cell] > 0) {
        const o = cell * 4;
        image.data[o] = r;
        image.data[o + 1] = gr;
        image.data[o + 2] = b;
        image.data[o + 3] = 60 + Math.round((195 * counts[cell]) / most);
      }
    }
    this.activity.width = columns;
    this.activity.height = lanes;
    this.activity.getContext('2d').putImageData(image, 0, 0);
    const g = this.context;
    const laneHeight = this.plotHeight / lanes;
    g.imageSmoothingEnabled = false;
    g.drawImage(this.activity, GUTTER, TOP + laneHeight * 0.2, columns, this.plotHeight - laneHeight * 0.4);
    if (this.cursor >= first && this.cursor < last) {
      // Events after the cursor have not happened yet at the point in time being viewed.
      g.fillStyle = 'rgba(251, 251, 253, 0.6)';
      const x = this.#x(this.cursor);
      g.fillRect(x, TOP, this.width - x, this.plotHeight);
    }
  }

  /** A red ring around each marked witness of a violated property. */
  #paintWitnesses(first, last) {
    const g = this.context;
    g.strokeStyle = COLORS.witness;
    g.lineWidth = 2.5;
    for (const seq of this.highlighted ?? []) {
      if (seq >= first && seq <= last && seq < this.index.size) {
        const node = this.index.node[seq];
        g.beginPath();
        g.arc(this.#x(seq), node >= 0 ? this.#y(node) : TOP, 11, 0, 2 * Math.PI);
        g.stroke();
      }
    }
    g.lineWidth = 1;
  }

  #paintLandmarks(first, last, detailed) {
    const g = this.context;
    const labels = detailed && this.viewport.seqsPerPixel <= 0.25;
    g.textAlign = 'left';
    for (const seq of TraceIndex.within(this.index.landmarks, first, last)) {
      const kind = this.index.kind[seq];
      const node = this.index.node[seq];
      const x = this.#x(seq);
      const y = node >= 0 ? this.#y(node) : TOP;
      g.globalAlpha = seq <= this.cursor ? 1 : 0.35;
      switch (kind) {
        case KIND.CRASH:
          g.strokeStyle = COLORS.crash;
          g.lineWidth = 3;
          g.beginPath();
          g.moveTo(x - 6, y - 6);
          g.lineTo(x + 6, y + 6);
          g.moveTo(x + 6, y - 6);
          g.lineTo(x - 6, y + 6);
          g.stroke();
          g.lineWidth = 1;
          if (labels || detailed) {
            this.#label('crash', x + 8, y - 8, COLORS.crash, 16);
          }
          break;
        case KIND.RECOVER:
          g.strokeStyle = COLORS.recover;
          g.lineWidth = 2;
          g.beginPath();
          g.arc(x, y, 6, 0, 2 * Math.PI);
          g.stroke();
          g.lineWidth = 1;
          this.#label('recover', x + 8, y - 8, COLORS.recover, 16);
          break;
        case KIND.DECIDE:
          g.fillStyle = COLORS.decide;
          g.beginPath();
          g.moveTo(x, y - 6);
          g.lineTo(x + 6, y);
          g.lineTo(x, y + 6);
          g.lineTo(x - 6, y);
          g.closePath();
          g.fill();
          if (labels || detailed) {
            this.#label(`decides ${payloadText(this.index.event(seq).payload, 24)}`, x + 8, y - 8, COLORS.decide, 16);
          }
          break;
        case KIND.FAULT:
          g.fillStyle = COLORS.fault;
          g.beginPath();
          g.moveTo(x, y - 9);
          g.lineTo(x + 5, y - 2);
          g.lineTo(x - 5, y - 2);
          g.closePath();
          g.fill();
          if (labels) {
            this.#label(`fault: ${this.index.event(seq).payload.kind.toLowerCase()}`, x - 10, y - 24, COLORS.fault);
          }
          break;
        case KIND.DUPLICATE:
          g.strokeStyle = COLORS.duplicate;
          g.strokeRect(x - 4, y - 4, 8, 8);
          if (labels) {
            this.#label('×2', x + 6, y + 10, COLORS.duplicate, 12);
          }
          break;
        case KIND.OUTPUT: {
          // A protocol's own label for the event (a delivery's vector timestamp), written once zoomed in enough to read.
          const text = diagramLabel(this.index.event(seq));
          if (text !== null && labels) {
            g.fillStyle = COLORS.output;
            g.fillRect(x - 2.5, y - 2.5, 5, 5);
            this.#label(text, x - 4, y - 11, COLORS.output, 8);
          }
          break;
        }
        case KIND.END:
          g.strokeStyle = COLORS.text;
          g.beginPath();
          g.moveTo(x, TOP);
          g.lineTo(x, this.height - BOTTOM);
          g.stroke();
          this.#label('end', x - 24, TOP - 10, COLORS.text);
          break;
        default:
          break;
      }
    }
    g.globalAlpha = 1;
  }

  #paintSelection() {
    if (this.selected < 0 || this.selected >= this.index.arrowCount) {
      return;
    }
    const g = this.context;
    const { a, b } = this.#ends(this.selected);
    g.strokeStyle = COLORS.selected;
    g.lineWidth = 4;
    g.beginPath();
    g.moveTo(a.x, a.y);
    g.lineTo(b.x, b.y);
    g.stroke();
    const cause = this.index.parent[this.index.arrowStart[this.selected]];
    if (cause >= 0) {
      const x = this.#x(cause);
      const node = this.index.node[cause];
      const y = node >= 0 ? this.#y(node) : TOP;
      g.strokeStyle = COLORS.parent;
      g.lineWidth = 2;
      g.setLineDash([2, 2]);
      g.beginPath();
      g.moveTo(x, y);
      g.lineTo(a.x, a.y);
      g.stroke();
      g.setLineDash([]);
      g.strokeRect(x - 6, y - 6, 12, 12);
    }
    g.lineWidth = 1;
  }

  #paintCursor() {
    if (this.cursor < 0) {
      return;
    }
    const g = this.context;
    const x = this.#x(this.cursor);
    g.strokeStyle = COLORS.cursor;
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(x, TOP - 4);
    g.lineTo(x, this.height - BOTTOM);
    g.stroke();
    g.lineWidth = 1;
  }

  #paintRuler(first, last) {
    const g = this.context;
    g.fillStyle = COLORS.muted;
    g.textAlign = 'center';
    const y = this.height - BOTTOM / 2;
    if (last < first) {
      g.textAlign = 'left';
      g.fillText('No events yet: play or step the run.', GUTTER + 8, y);
      return;
    }
    const step = niceStep(this.viewport.seqsPerPixel * 90);
    for (let seq = Math.ceil(first / step) * step; seq <= last; seq += step) {
      g.fillText(`#${seq} t=${this.index.time[seq]}`, this.#x(seq), y);
    }
  }

  #paintHover() {
    if (!this.hover) {
      return;
    }
    const text = this.#arrowText(this.hover.arrow);
    const g = this.context;
    g.font = '12px system-ui, sans-serif';
    const width = g.measureText(text).width + 12;
    const x = Math.min(this.hover.x + 12, this.width - width - 2);
    const y = Math.max(2, this.hover.y - 30);
    g.fillStyle = 'rgba(29, 36, 48, 0.92)';
    g.fillRect(x, y, width, 22);
    g.fillStyle = '#ffffff';
    g.textAlign = 'left';
    g.fillText(text, x + 6, y + 11);
  }

  #arrowText(arrow) {
    const start = this.index.event(this.index.arrowStart[arrow]);
    const end = this.index.event(this.index.arrowEnd[arrow]);
    const fate = end.kind === 'DROP' ? `dropped at #${end.seq} (${end.detail})` : `delivered at #${end.seq}`;
    return `${nodeName(start.node)} → ${nodeName(start.peer)} ${start.type ?? ''} ${payloadText(start.payload, 60)}, `
      + `sent at #${start.seq}, ${fate}`;
  }

  /** Counts for assistive technology and tests: what the diagram shows up to the cursor, in words and data. */
  #describe() {
    const counts = this.index.countKinds(this.cursor);
    const data = this.canvas.dataset;
    data.events = String(this.index.size);
    data.cursor = String(this.cursor);
    data.sends = String(counts.SEND);
    data.delivers = String(counts.DELIVER);
    data.drops = String(counts.DROP);
    data.crashes = String(counts.CRASH);
    data.recovers = String(counts.RECOVER);
    data.decides = String(counts.DECIDE);
    data.round = String(this.cursor >= 0 ? this.index.roundAt(this.cursor) : 0);
    const at = this.cursor >= 0 ? `up to event #${this.cursor}` : 'before the first event';
    this.canvas.setAttribute('aria-label', `Space-time diagram of ${this.nodeCount} processes, ${at}: `
      + `${counts.SEND} messages sent, ${counts.DELIVER} delivered, ${counts.DROP} dropped, ${counts.CRASH} crashes, `
      + `${counts.DECIDE} decisions. The event log lists the same events as text.`);
    if (this.cursor >= 0) {
      this.canvas.title = eventText(this.index.event(this.cursor));
    }
  }
}

function arrowHead(path, a, b) {
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const size = 6;
  path.moveTo(b.x, b.y);
  path.lineTo(b.x - size * Math.cos(angle - 0.4), b.y - size * Math.sin(angle - 0.4));
  path.lineTo(b.x - size * Math.cos(angle + 0.4), b.y - size * Math.sin(angle + 0.4));
  path.closePath();
}

/** A round step (1, 2, 5, 10, 20, ...) at least {@code raw}. */
export function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= raw) {
      return factor * power;
    }
  }
  return 10 * power;
}
