// The run's trace as the browser holds it: the events as received (for payloads and the log) plus
// column arrays (typed, growable) that the diagram scans every frame without touching objects, and
// an index of message arrows so the visible ones are found by binary search, not by a full scan.

export const KINDS = ['SEND', 'DELIVER', 'DROP', 'DUPLICATE', 'TIMER', 'CRASH', 'RECOVER', 'STATE', 'DECIDE',
  'FAULT', 'NOTE', 'ROUND', 'END', 'OUTPUT', 'REQUEST'];
export const KIND = Object.freeze(Object.fromEntries(KINDS.map((name, i) => [name, i])));

/** Arrows are grouped in blocks of this many; each block remembers its earliest send, so a search skips blocks. */
const ARROW_BLOCK = 256;

function grown(array, needed) {
  if (needed <= array.length) {
    return array;
  }
  const bigger = new array.constructor(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Thrown when events arrive that do not continue the trace: the caller must fetch the missing ones. */
/**
 * The text a protocol asks the space-time diagram to write beside an event (a vector timestamp, say): a
 * {@code diagramLabel} in the event's payload, or in the message of an output (a delivery); null when none.
 */
export function diagramLabel(event) {
  const payload = event?.payload;
  const label = payload?.diagramLabel ?? payload?.message?.diagramLabel;
  return typeof label === 'string' && label !== '' ? label : null;
}

export class TraceGapError extends Error {
  constructor(expected, got) {
    super(`expected event ${expected} next, got ${got}`);
    this.expected = expected;
    this.got = got;
  }
}

export class TraceIndex {
  constructor() {
    this.events = [];
    this.time = new Float64Array(1024);
    this.kind = new Uint8Array(1024);
    this.node = new Int32Array(1024);
    this.peer = new Int32Array(1024);
    this.parent = new Int32Array(1024);
    // One arrow per DELIVER or DROP: from its SEND (start) to itself (end), in order of end.
    this.arrowCount = 0;
    this.arrowStart = new Int32Array(1024);
    this.arrowEnd = new Int32Array(1024);
    this.blockMinStart = new Int32Array(16);
    this.rounds = [];        // seqs of ROUND events
    this.unanswered = new Set(); // seqs of SENDs whose DELIVER or DROP the trace does not hold yet
    this.landmarks = [];     // seqs of CRASH, RECOVER, DECIDE, FAULT, DUPLICATE, OUTPUT, REQUEST and END events: few, drawn always
  }

  get size() {
    return this.events.length;
  }

  get lastSeq() {
    return this.events.length - 1;
  }

  /**
   * Adds events that continue the trace. Events already held are skipped (a resent batch after a
   * reconnect repeats nothing); a gap throws TraceGapError. Returns how many were new.
   */
  append(batch) {
    let added = 0;
    for (const event of batch) {
      if (event.seq < this.size) {
        continue;
      }
      if (event.seq !== this.size) {
        throw new TraceGapError(this.size, event.seq);
      }
      this.#add(event);
      added++;
    }
    return added;
  }

  #add(event) {
    const seq = this.size;
    const needed = seq + 1;
    this.time = grown(this.time, needed);
    this.kind = grown(this.kind, needed);
    this.node = grown(this.node, needed);
    this.peer = grown(this.peer, needed);
    this.parent = grown(this.parent, needed);
    const kind = KIND[event.kind] ?? KIND.NOTE;
    this.events.push(event);
    this.time[seq] = event.time;
    this.kind[seq] = kind;
    this.node[seq] = event.node;
    this.peer[seq] = event.peer;
    this.parent[seq] = event.parent;
    if (kind === KIND.SEND && event.peer >= 0) {
      this.unanswered.add(seq);
    } else if ((kind === KIND.DELIVER || kind === KIND.DROP) && event.parent >= 0 && this.kind[event.parent] === KIND.SEND) {
      this.unanswered.delete(event.parent);
      this.#addArrow(event.parent, seq);
    } else if (kind === KIND.ROUND) {
      this.rounds.push(seq);
    } else if (kind !== KIND.SEND && kind !== KIND.DELIVER && kind !== KIND.DROP && kind !== KIND.NOTE
      && kind !== KIND.TIMER && kind !== KIND.STATE) {
      this.landmarks.push(seq);
    }
  }

  #addArrow(start, end) {
    const i = this.arrowCount++;
    this.arrowStart = grown(this.arrowStart, i + 1);
    this.arrowEnd = grown(this.arrowEnd, i + 1);
    this.arrowStart[i] = start;
    this.arrowEnd[i] = end;
    const block = Math.floor(i / ARROW_BLOCK);
    this.blockMinStart = grown(this.blockMinStart, block + 1);
    if (i % ARROW_BLOCK === 0 || start < this.blockMinStart[block]) {
      this.blockMinStart[block] = start;
    }
  }

  event(seq) {
    return this.events[seq];
  }

  /** The first seq whose time is at or after {@code t} (size when none): events are in time order. */
  firstAtOrAfterTime(t) {
    return lowerBound(this.size, (i) => this.time[i] < t);
  }

  /**
   * Every arrow that crosses the seq window [from, to]: it starts at or before {@code to} and ends at or
   * after {@code from}. Calls visit(arrowIndex). Arrows are in order of their end, so the first candidate is
   * found by binary search; blocks whose earliest send lies after the window are skipped whole.
   */
  forEachArrowIn(from, to, visit) {
    let i = lowerBound(this.arrowCount, (k) => this.arrowEnd[k] < from);
    while (i < this.arrowCount) {
      const block = Math.floor(i / ARROW_BLOCK);
      const blockEnd = Math.min(this.arrowCount, (block + 1) * ARROW_BLOCK);
      if (this.blockMinStart[block] <= to) {
        for (; i < blockEnd; i++) {
          if (this.arrowStart[i] <= to) {
            visit(i);
          }
        }
      }
      i = blockEnd;
    }
  }

  /** The arrow that ends at event {@code seq} (a DELIVER or DROP), or -1. */
  arrowEndingAt(seq) {
    const i = lowerBound(this.arrowCount, (k) => this.arrowEnd[k] < seq);
    return i < this.arrowCount && this.arrowEnd[i] === seq ? i : -1;
  }

  /** The seqs in a sorted list that fall into [from, to]. */
  static within(sortedSeqs, from, to) {
    const lo = lowerBound(sortedSeqs.length, (i) => sortedSeqs[i] < from);
    const hi = lowerBound(sortedSeqs.length, (i) => sortedSeqs[i] <= to);
    return sortedSeqs.slice(lo, hi);
  }

  /** The round an event belongs to: that of the last ROUND event at or before it, or 0 before the first. */
  roundAt(seq) {
    const i = lowerBound(this.rounds.length, (k) => this.rounds[k] <= seq) - 1;
    return i < 0 ? 0 : this.events[this.rounds[i]].payload;
  }

  /** The seq of the ROUND event that starts {@code round}, or -1. */
  roundStart(round) {
    return this.rounds.find((seq) => this.events[seq].payload === round && !isEndOfRounds(this.events[seq])) ?? -1;
  }

  /** Counts of each kind among events 0..{@code upTo}, by kind name. */
  countKinds(upTo) {
    const counts = new Array(KINDS.length).fill(0);
    const last = Math.min(upTo, this.size - 1);
    for (let i = 0; i <= last; i++) {
      counts[this.kind[i]]++;
    }
    return Object.fromEntries(KINDS.map((name, i) => [name, counts[i]]));
  }
}

/** The ROUND event after the last round, at which the processes decide (detail "end of round m"). */
export function isEndOfRounds(event) {
  return event.kind === 'ROUND' && typeof event.detail === 'string' && event.detail.startsWith('end of round');
}

/** The first index in [0, length) for which before(index) is false, given before is true then false. */
export function lowerBound(length, before) {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
