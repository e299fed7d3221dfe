// Events and faults in words, the same everywhere they are shown (log, tooltip, details, fault plan).
import { processLabel } from '/js/process-label.js';
import { isEndOfRounds } from '/js/run/trace-index.js';

export function nodeName(id) {
  return id >= 0 ? processLabel(id) : 'network';
}

/** A payload as short text: messages without their repeated type, values as JSON. */
export function payloadText(payload, max = 120) {
  if (payload === null || payload === undefined) {
    return '';
  }
  let text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  if (text.length > max) {
    text = `${text.slice(0, max - 1)}…`;
  }
  return text;
}

export function faultText(fault) {
  const params = fault.params ?? {};
  const who = fault.target === null || fault.target === undefined ? '' : ` ${nodeName(fault.target)}`;
  switch (fault.kind) {
    case 'CRASH':
      return `crash${who}${params.afterSends ? ` after ${params.afterSends} more sends` : ''}`
        + `${params.reaches ? ` reaching only ${params.reaches.map(nodeName).join(', ')}` : ''}`;
    case 'RECOVER':
      return `recover${who}`;
    case 'BYZANTINE':
      return `${who.trim()} turns Byzantine (${params.behaviour})`;
    case 'LINK_DOWN':
      return `cut link ${nodeName(fault.target)}${params.oneWay ? ' → ' : ' ↔ '}${nodeName(params.to)}`;
    case 'LINK_UP':
      return `restore link ${nodeName(fault.target)}${params.oneWay ? ' → ' : ' ↔ '}${nodeName(params.to)}`;
    case 'LINK_LOSS':
      return `link ${nodeName(fault.target)} → ${nodeName(params.to)} loses ${Math.round(params.probability * 100)}%`;
    case 'PARTITION':
      return `partition ${params.groups.map((g) => `{${g.map(nodeName).join(', ')}}`).join(' | ')}`;
    case 'HEAL':
      return 'heal the partition';
    default: {
      const rest = Object.keys(params).length ? ` ${JSON.stringify(params)}` : '';
      return `${fault.kind.toLowerCase().replace(/_/g, ' ')}${who}${rest}`;
    }
  }
}

/** When a planned fault happens, as the recipe says it: time 0 (or before event #0) is the start of the run. */
export function faultTimeText(fault) {
  if (fault.atEvent !== null && fault.atEvent !== undefined) {
    return fault.atEvent === 0 ? 'at the start' : `right after event #${fault.atEvent - 1}`;
  }
  return fault.at === 0 ? 'at the start' : `at time ${fault.at}`;
}

/** One line for an event: who, what, with which message or value. */
export function eventText(event) {
  const who = nodeName(event.node);
  switch (event.kind) {
    case 'SEND':
      return `${who} sends ${event.type ?? 'a message'} to ${nodeName(event.peer)}: ${payloadText(event.payload, 80)}`;
    case 'DELIVER':
      return `${who} receives ${event.type ?? 'a message'} from ${nodeName(event.peer)}: ${payloadText(event.payload, 80)}`;
    case 'DROP':
      return `message ${event.msg} (${event.type ?? 'message'}) between ${who} and ${nodeName(event.peer)} dropped: ${event.detail}`;
    case 'DUPLICATE':
      return `the network duplicates ${who}'s ${event.type ?? 'message'} to ${nodeName(event.peer)}`;
    case 'CRASH':
      return `${who} crashes`;
    case 'RECOVER':
      return `${who} recovers from stable storage`;
    case 'DECIDE':
      return `${who} decides ${payloadText(event.payload)}`;
    case 'FAULT':
      return `fault: ${faultText(event.payload)}`;
    case 'OUTPUT':
      return `${who} outputs ${event.detail}: ${payloadText(event.payload, 80)}`;
    case 'REQUEST':
      return `client request #${event.payload.id} to ${who}: ${event.payload.command}${event.detail ? ` (${event.detail})` : ''}`;
    case 'ROUND':
      return isEndOfRounds(event) ? `round ${event.payload} is over: every process decides` : `round ${event.payload} starts`;
    case 'TIMER':
      return `${who}'s timer ${event.detail} fires`;
    case 'END':
      return `the run ends: ${payloadText(event.payload)}`;
    default:
      return `${who}: ${payloadText(event.payload ?? event.detail)}`;
  }
}
