// How a process is named to a person: P1 to Pn, as the lecture numbers them, while ids in recipes,
// traces and the API stay 0 to n-1. Every page names processes through here; the server's twin is
// dev.faultlab.sim.ProcessLabel.

/** "P1" for id 0. */
export function processLabel(id) {
  return `P${id + 1}`;
}

/**
 * The id of the process a person typed, as a label ("P3", "p3") or its number ("3"): 2 in both cases.
 * Throws an Error in words when it names no process of {@code count}.
 */
export function processIdOf(text, count) {
  const match = /^[Pp]?(\d+)$/.exec(String(text).trim());
  const number = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw new Error(`${text} is not a process of this run (P1 to P${count})`);
  }
  return number - 1;
}

/** Ids from a typed list of processes: "P1 P3", "1, 3" or "1 3" all give [0, 2]. */
export function processIdsOf(text, count) {
  return String(text).split(/[\s,]+/).filter(Boolean).map((part) => processIdOf(part, count));
}
