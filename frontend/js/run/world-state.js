// What faults have done to nodes and links by a given event, derived from the trace alone (CRASH,
// RECOVER, DECIDE and FAULT events), so the topology needs no server round trip while scrubbing.
import { KIND, TraceIndex } from '/js/run/trace-index.js';

export function linkKey(a, b) {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/**
 * The world right after event {@code seq}:
 *   nodes[i] = { crashed, recovered (came back after a crash), byzantine (behaviour or null), decided, group }
 *   cut: Map linkKey -> 'both' | 'a->b' (one way), loss: Map 'a->b' -> probability, partitioned: boolean
 */
export function worldAt(index, nodeCount, seq) {
  const nodes = Array.from({ length: nodeCount }, () => ({
    crashed: false, recovered: false, byzantine: null, decided: false, decision: undefined, group: 0,
  }));
  const cut = new Map();
  const loss = new Map();
  let partitioned = false;
  for (const at of TraceIndex.within(index.landmarks, 0, seq)) {
    const event = index.event(at);
    const node = nodes[event.node];
    switch (index.kind[at]) {
      case KIND.CRASH:
        node.crashed = true;
        node.recovered = false;
        break;
      case KIND.RECOVER:
        node.crashed = false;
        node.recovered = true;
        break;
      case KIND.DECIDE:
        node.decided = true;
        node.decision = event.payload;
        break;
      case KIND.FAULT:
        partitioned = applyFault(event.payload, nodes, cut, loss, partitioned);
        break;
      default:
        break;
    }
  }
  return { nodes, cut, loss, partitioned };
}

function applyFault(fault, nodes, cut, loss, partitioned) {
  const params = fault.params ?? {};
  const from = fault.target;
  switch (fault.kind) {
    case 'BYZANTINE':
      nodes[from].byzantine = params.behaviour;
      return partitioned;
    case 'LINK_DOWN':
      cut.set(linkKey(from, params.to), params.oneWay ? `${from}->${params.to}` : 'both');
      return partitioned;
    case 'LINK_UP':
      cut.delete(linkKey(from, params.to));
      return partitioned;
    case 'LINK_LOSS':
      if (params.probability > 0) {
        loss.set(`${from}->${params.to}`, params.probability);
      } else {
        loss.delete(`${from}->${params.to}`);
      }
      return partitioned;
    case 'PARTITION': {
      // Nodes in no listed group form one more group, as the kernel does.
      nodes.forEach((node) => { node.group = 0; });
      params.groups.forEach((members, g) => members.forEach((id) => { nodes[id].group = g + 1; }));
      return true;
    }
    case 'HEAL':
      nodes.forEach((node) => { node.group = 0; });
      return false;
    default:
      return partitioned;
  }
}

/** Whether messages between a and b are blocked by the partition. */
export function separated(world, a, b) {
  return world.partitioned && world.nodes[a].group !== world.nodes[b].group;
}
