// A protocol named in running text: its title without the parenthesised note, in lower case unless it
// starts with a name ("Byzantine"), with the article that goes before it ("an echo", "a two-phase commit").

const NAMES = new Set(['Byzantine', 'Paxos', 'Raft', 'Lamport']);

/** "Two-phase commit (2PC)" → "two-phase commit"; "Byzantine agreement" stays as it is. */
export function protocolNoun(title) {
  const bare = title.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const first = bare.split(/\s/)[0];
  return NAMES.has(first) || /^[A-Z0-9]{2,}/.test(first) ? bare : bare.charAt(0).toLowerCase() + bare.slice(1);
}

/** "a" or "an", by the sound the noun starts with as written. */
export function article(noun) {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** "Start a two-phase commit run". */
export function startRunText(protocol) {
  const noun = protocolNoun(protocol.title);
  return `Start ${article(noun)} ${noun} run`;
}
