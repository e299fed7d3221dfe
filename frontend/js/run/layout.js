// Geometry without drawing: where nodes sit on the topology circle, where lanes run in the diagram,
// and the diagram's horizontal viewport (which events are on screen, how zoom and pan move it).

/** Node i on a circle filling the box, P0 at the top, clockwise. */
export function circleLayout(count, width, height, margin = 36) {
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.max(10, Math.min(width, height) / 2 - margin);
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
}

/** The node whose centre is within {@code radius} of (x, y), nearest first, or -1. */
export function nodeAt(points, x, y, radius) {
  let best = -1;
  let bestDistance = radius;
  points.forEach((p, i) => {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Distance from (x, y) to the segment from a to b. */
export function distanceToSegment(x, y, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / lengthSquared));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}

/** The link (pair i < j) nearest to (x, y) within {@code tolerance} pixels, or null. */
export function linkAt(points, x, y, tolerance) {
  let best = null;
  let bestDistance = tolerance;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = distanceToSegment(x, y, points[i], points[j]);
      if (d <= bestDistance) {
        best = [i, j];
        bestDistance = d;
      }
    }
  }
  return best;
}

/** The y of lane {@code node} when {@code count} lanes share the band from top to top+height. */
export function laneY(node, count, top, height) {
  return top + (height * (node + 0.5)) / count;
}

/**
 * The diagram's horizontal window over the trace, in event seqs: x = (seq - start) / seqsPerPixel.
 * Zooming keeps the seq under the pointer where it is; the window never leaves [0, total].
 */
export class Viewport {
  constructor(width, total) {
    this.width = Math.max(1, width);
    this.total = Math.max(1, total);
    this.start = 0;
    this.seqsPerPixel = this.total / this.width;
  }

  /** The most one pixel may show: the whole trace on the screen. */
  get maxSeqsPerPixel() {
    return Math.max(this.total / this.width, 1 / 40);
  }

  static get minSeqsPerPixel() {
    return 1 / 40;
  }

  get end() {
    return this.start + this.width * this.seqsPerPixel;
  }

  xOf(seq) {
    return (seq + 0.5 - this.start) / this.seqsPerPixel;
  }

  seqAt(x) {
    return Math.floor(this.start + x * this.seqsPerPixel);
  }

  resize(width, total) {
    this.width = Math.max(1, width);
    this.total = Math.max(1, total);
    this.seqsPerPixel = Math.min(this.seqsPerPixel, this.maxSeqsPerPixel);
    this.clamp();
  }

  /** Multiplies the seqs per pixel by {@code factor} (below 1 zooms in), keeping the seq at x in place. */
  zoomAt(x, factor) {
    const anchor = this.start + x * this.seqsPerPixel;
    this.seqsPerPixel = Math.min(this.maxSeqsPerPixel, Math.max(Viewport.minSeqsPerPixel, this.seqsPerPixel * factor));
    this.start = anchor - x * this.seqsPerPixel;
    this.clamp();
  }

  panBy(pixels) {
    this.start += pixels * this.seqsPerPixel;
    this.clamp();
  }

  /** Shows {@code seq} if it is off screen, placing it a little inside the edge it crossed. */
  reveal(seq) {
    const margin = this.width * this.seqsPerPixel * 0.1;
    if (seq < this.start) {
      this.start = seq - margin;
    } else if (seq + 1 > this.end) {
      this.start = seq + 1 + margin - this.width * this.seqsPerPixel;
    }
    this.clamp();
  }

  clamp() {
    const span = this.width * this.seqsPerPixel;
    this.start = Math.max(0, Math.min(this.start, Math.max(0, this.total - span)));
  }
}
