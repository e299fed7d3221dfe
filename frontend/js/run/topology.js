// The topology: processes on a circle, a link between every pair. Faults change shape and words, not
// only colour: a crashed node is a crossed square marked "crashed", a Byzantine one a diamond named
// after its behaviour, a recovered one a double ring, a cut link is dashed with a bar across it,
// a lossy link dotted with its loss, and a partition labels each node with its group. The canvas is
// clickable; the list of node buttons next to it offers the same actions from the keyboard.
import { el } from '/js/dom.js';
import { circleLayout, linkAt, nodeAt } from '/js/run/layout.js';
import { linkKey, separated } from '/js/run/world-state.js';
import { nodeName } from '/js/run/event-text.js';

const NODE_RADIUS = 15;

export function nodeStatusText(node) {
  const words = [];
  words.push(node.crashed ? 'crashed' : 'up');
  if (node.recovered) {
    words.push('recovered');
  }
  if (node.byzantine) {
    words.push(`Byzantine: ${node.byzantine}`);
  }
  if (node.group > 0) {
    words.push(`partition group ${node.group}`);
  }
  if (node.decided) {
    words.push(`decided ${JSON.stringify(node.decision)}`);
  }
  return words.join(', ');
}

export class Topology {
  /**
   * @param canvas   the canvas
   * @param list     an element to hold one button per node (the keyboard way to the same actions)
   * @param picker   { from, to, pick }: two selects and a button, the keyboard way to pick a link
   * @param count    processes
   * @param handlers { node(id), link(a, b) }
   */
  constructor(canvas, list, picker, count, handlers) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.list = list;
    this.count = count;
    this.handlers = handlers;
    this.world = null;
    this.chosen = new Set();
    this.focus = null;
    canvas.addEventListener('click', (event) => this.#click(event));
    for (const [select, initial] of [[picker.from, 0], [picker.to, 1]]) {
      select.append(...Array.from({ length: count }, (_, i) => el('option', { value: String(i) }, nodeName(i))));
      select.value = String(initial);
    }
    picker.pick.addEventListener('click', () => {
      const a = Number(picker.from.value);
      const b = Number(picker.to.value);
      if (a !== b) {
        handlers.link(Math.min(a, b), Math.max(a, b));
      }
    });
    new ResizeObserver(() => this.#resize()).observe(canvas);
    this.#resize();
  }

  /** Shows the world at the current event; {@code chosen} are the nodes selected for a partition. */
  show(world, chosen, focus) {
    this.world = world;
    this.chosen = chosen;
    this.focus = focus;
    this.#renderList();
    this.#describe();
    this.#paint();
  }

  #resize() {
    const ratio = window.devicePixelRatio || 1;
    this.width = Math.max(120, this.canvas.clientWidth);
    this.height = Math.max(120, this.canvas.clientHeight);
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.points = circleLayout(this.count, this.width, this.height);
    this.#paint();
  }

  #click(event) {
    const box = this.canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const node = nodeAt(this.points, x, y, NODE_RADIUS + 4);
    if (node >= 0) {
      this.handlers.node(node);
      return;
    }
    const link = linkAt(this.points, x, y, 6);
    if (link) {
      this.handlers.link(link[0], link[1]);
    }
  }

  #renderList() {
    const buttons = this.world.nodes.map((node, id) => {
      const button = el('button', {
        type: 'button', class: 'node-button', 'data-node': String(id),
        'data-status': node.crashed ? 'crashed' : node.byzantine ? 'byzantine' : 'up',
      }, `${nodeName(id)}: ${nodeStatusText(node)}`);
      button.setAttribute('aria-pressed', String(this.focus?.node === id));
      if (this.chosen.has(id)) {
        button.append(el('span', { class: 'chosen-mark' }, ' (selected for partition)'));
      }
      button.addEventListener('click', () => this.handlers.node(id));
      return el('li', {}, button);
    });
    this.list.replaceChildren(...buttons);
  }

  #describe() {
    const { nodes, cut } = this.world;
    const crashed = nodes.flatMap((n, i) => (n.crashed ? [i] : []));
    this.canvas.dataset.crashed = crashed.join(',');
    this.canvas.dataset.byzantine = nodes.flatMap((n, i) => (n.byzantine ? [i] : [])).join(',');
    this.canvas.dataset.cut = [...cut.keys()].join(',');
    this.canvas.dataset.partitioned = String(this.world.partitioned);
    this.canvas.setAttribute('aria-label', `Topology of ${this.count} processes: `
      + `${crashed.length ? `${crashed.map(nodeName).join(', ')} crashed` : 'none crashed'}; `
      + `${cut.size ? `links cut: ${[...cut.keys()].join(', ')}` : 'no links cut'}`
      + `${this.world.partitioned ? '; the network is partitioned' : ''}. The buttons below list each process.`);
  }

  #paint() {
    if (!this.world || !this.points) {
      return;
    }
    const g = this.context;
    const { nodes, cut, loss } = this.world;
    g.clearRect(0, 0, this.width, this.height);
    g.font = '11px system-ui, sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    const dense = this.count > 16;
    for (let a = 0; a < this.count; a++) {
      for (let b = a + 1; b < this.count; b++) {
        this.#paintLink(a, b, cut.get(linkKey(a, b)), loss.get(`${a}->${b}`) ?? loss.get(`${b}->${a}`), dense);
      }
    }
    nodes.forEach((node, id) => this.#paintNode(id, node, dense));
  }

  #paintLink(a, b, cutHow, lossRate, dense) {
    const g = this.context;
    const p = this.points[a];
    const q = this.points[b];
    const focused = this.focus?.link && this.focus.link[0] === a && this.focus.link[1] === b;
    const split = separated(this.world, a, b);
    g.lineWidth = focused ? 3 : 1;
    if (cutHow || split) {
      g.strokeStyle = '#b3261e';
      g.setLineDash([6, 4]);
    } else if (lossRate) {
      g.strokeStyle = '#b06000';
      g.setLineDash([1, 3]);
      g.lineWidth = 2;
    } else {
      g.strokeStyle = focused ? '#e07b00' : dense ? 'rgba(150, 158, 172, 0.25)' : '#c9ced8';
      g.setLineDash([]);
    }
    g.beginPath();
    g.moveTo(p.x, p.y);
    g.lineTo(q.x, q.y);
    g.stroke();
    g.setLineDash([]);
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    if (cutHow) {
      // A bar across the middle: "cut" reads without colour.
      const angle = Math.atan2(q.y - p.y, q.x - p.x) + Math.PI / 2;
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(mx - 7 * Math.cos(angle), my - 7 * Math.sin(angle));
      g.lineTo(mx + 7 * Math.cos(angle), my + 7 * Math.sin(angle));
      g.stroke();
      g.fillStyle = '#b3261e';
      g.fillText(cutHow === 'both' ? 'cut' : `cut ${cutHow.replace('->', '→')}`, mx, my - 10);
    } else if (lossRate) {
      g.fillStyle = '#b06000';
      g.fillText(`loss ${Math.round(lossRate * 100)}%`, mx, my - 10);
    }
    g.lineWidth = 1;
  }

  #paintNode(id, node, dense) {
    const g = this.context;
    const { x, y } = this.points[id];
    const r = dense ? 7 : NODE_RADIUS;
    g.lineWidth = 2;
    g.fillStyle = '#ffffff';
    g.strokeStyle = '#1d2430';
    g.beginPath();
    if (node.crashed) {
      g.rect(x - r, y - r, 2 * r, 2 * r);
    } else if (node.byzantine) {
      g.moveTo(x, y - r - 3);
      g.lineTo(x + r + 3, y);
      g.lineTo(x, y + r + 3);
      g.lineTo(x - r - 3, y);
      g.closePath();
      g.fillStyle = '#f6e7ff';
      g.strokeStyle = '#7a3fb5';
    } else {
      g.arc(x, y, r, 0, 2 * Math.PI);
    }
    if (node.crashed) {
      g.fillStyle = '#fbe9e7';
      g.strokeStyle = '#b3261e';
    }
    g.fill();
    g.stroke();
    if (node.crashed) {
      g.beginPath();
      g.moveTo(x - r, y - r);
      g.lineTo(x + r, y + r);
      g.moveTo(x + r, y - r);
      g.lineTo(x - r, y + r);
      g.stroke();
    }
    if (node.recovered && !node.crashed) {
      g.strokeStyle = '#1d7a46';
      g.beginPath();
      g.arc(x, y, r + 4, 0, 2 * Math.PI);
      g.stroke();
    }
    if (this.chosen.has(id) || this.focus?.node === id) {
      g.strokeStyle = '#e07b00';
      g.lineWidth = 3;
      g.setLineDash(this.chosen.has(id) ? [3, 3] : []);
      g.beginPath();
      g.arc(x, y, r + 8, 0, 2 * Math.PI);
      g.stroke();
      g.setLineDash([]);
    }
    g.lineWidth = 1;
    if (dense) {
      return;
    }
    g.fillStyle = '#1d2430';
    g.font = 'bold 11px system-ui, sans-serif';
    g.fillText(nodeName(id), x, y);
    g.font = '11px system-ui, sans-serif';
    const tags = [];
    if (node.crashed) {
      tags.push('crashed');
    } else if (node.recovered) {
      tags.push('recovered');
    }
    if (node.byzantine) {
      tags.push(`byz: ${node.byzantine}`);
    }
    if (node.group > 0) {
      tags.push(`group ${node.group}`);
    }
    if (node.decided) {
      tags.push(`→ ${JSON.stringify(node.decision)}`);
    }
    const below = y > this.height / 2 ? 1 : -1;
    tags.forEach((tag, i) => g.fillText(tag, x, y + below * (r + 10 + i * 12)));
  }
}
