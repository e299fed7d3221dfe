// Shows in the footer whether the server and its database are healthy, and lists the labs and protocols
// this server really has (the landing page promises nothing else).
import { el } from '/js/dom.js';

async function showTopics() {
  const slot = document.getElementById('topics');
  try {
    const [labs, protocols] = await Promise.all(['/api/labs', '/api/protocols'].map(async (path) => {
      const response = await fetch(path, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(`The server answered ${response.status}.`);
      }
      return response.json();
    }));
    const parts = [];
    if (labs.labs.length > 0) {
      parts.push(el('h3', {}, 'Labs'), el('ul', { id: 'topic-labs' }, ...labs.labs.map((lab) => el('li', {}, lab.title))));
    }
    parts.push(el('h3', {}, 'Protocols to run and break'),
      el('ul', { id: 'topic-protocols' }, ...protocols.protocols.map((p) => el('li', {}, p.title))));
    slot.replaceChildren(...parts);
  } catch (error) {
    slot.replaceChildren(el('p', { class: 'muted' }, `The list could not be loaded: ${error.message}`));
  }
}

showTopics();

const status = document.getElementById('server-status');
const version = document.getElementById('version');

try {
  const response = await fetch('/api/health', { headers: { Accept: 'application/json' } });
  const health = await response.json();
  version.textContent = health.version;
  status.textContent = health.database.up
    ? 'Server and database are up.'
    : `The database is unreachable: ${health.database.problem}`;
  status.dataset.state = health.database.up ? 'up' : 'down';
} catch (error) {
  status.textContent = 'The server cannot be reached right now.';
  status.dataset.state = 'down';
}
