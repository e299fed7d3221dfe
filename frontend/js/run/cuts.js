// Checkpoints and cuts on the space-time diagram, for any protocol that outputs them: a `checkpoint` output
// ({label}) is a bar on its process's lane; a `cut` output ({name, points}) is a dashed line across the lanes
// through, for each process, its latest checkpoint of that label before the cut (or, where the point is null,
// the process's state at the cut's own event). Recovery lines and coordinated checkpoints read this way.
import { KIND, TraceIndex } from '/js/run/trace-index.js';

const CHECKPOINT = '#6b3fa0';
const CUT = '#c2410c';

function isOutput(index, seq, kind) {
  return index.kind[seq] === KIND.OUTPUT && index.event(seq).detail === kind;
}

/** For each process, the event the cut passes through on its lane. */
export function cutPoints(index, seq) {
  const points = index.event(seq).payload.points;
  return points.map((label, node) => {
    if (label === null || label === undefined) {
      return seq;
    }
    for (const earlier of [...TraceIndex.within(index.landmarks, 0, seq)].reverse()) {
      if (index.node[earlier] === node && isOutput(index, earlier, 'checkpoint') && index.event(earlier).payload.label === label) {
        return earlier;
      }
    }
    return -1;
  });
}

/**
 * Paints every checkpoint in view and every cut made so far; an event after the cursor is drawn faded, as the
 * diagram's other landmarks are. {@code at} gives x for an event and y for a lane; {@code labels} writes names.
 */
export function paintCheckpointsAndCuts(g, index, canvas, { first, last, cursor, x, y, labels }) {
  const cuts = [];
  let checkpoints = 0;
  g.save();
  g.textAlign = 'left';
  for (const seq of TraceIndex.within(index.landmarks, 0, index.size - 1)) {
    g.globalAlpha = seq <= cursor ? 1 : 0.35;
    if (isOutput(index, seq, 'checkpoint')) {
      checkpoints += 1;
      if (seq >= first && seq <= last) {
        const px = x(seq);
        const py = y(index.node[seq]);
        g.fillStyle = CHECKPOINT;
        g.fillRect(px - 2, py - 9, 4, 18);
        if (labels) {
          g.fillText(index.event(seq).payload.label, px + 4, py + 14);
        }
      }
    } else if (isOutput(index, seq, 'cut')) {
      const points = cutPoints(index, seq);
      cuts.push({ name: index.event(seq).payload.name, at: seq, points });
      paintCut(g, points, index.event(seq).payload.name, x, y);
    }
  }
  g.restore();
  canvas.dataset.checkpoints = String(checkpoints);
  canvas.dataset.cuts = JSON.stringify(cuts);
}

function paintCut(g, points, name, x, y) {
  const lanes = points.map((seq, node) => ({ seq, node })).filter((p) => p.seq >= 0);
  if (lanes.length === 0) {
    return;
  }
  g.strokeStyle = CUT;
  g.lineWidth = 2;
  g.setLineDash([6, 4]);
  g.beginPath();
  lanes.forEach((p, i) => {
    const px = x(p.seq);
    const py = y(p.node);
    if (i === 0) {
      g.moveTo(px, py - 14);
    }
    g.lineTo(px, py);
  });
  const end = lanes[lanes.length - 1];
  g.lineTo(x(end.seq), y(end.node) + 14);
  g.stroke();
  g.setLineDash([]);
  g.lineWidth = 1;
  g.fillStyle = CUT;
  g.fillText(name, x(lanes[0].seq) + 4, y(lanes[0].node) - 16);
}
