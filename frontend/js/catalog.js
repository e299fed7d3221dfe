// Lists the labs the server offers, or says plainly that there are none yet; an instructor also sees the
// lab files that do not load, and why.
import { labProblems } from '/js/lab-problems.js';

const container = document.getElementById('labs');

function labCard(lab) {
  const card = document.createElement('article');
  card.className = 'lab-card';
  const title = document.createElement('h2');
  title.textContent = lab.title;
  const summary = document.createElement('p');
  summary.textContent = lab.summary;
  const protocol = document.createElement('p');
  protocol.className = 'muted';
  protocol.textContent = lab.protocol ? `Protocol: ${lab.protocol}` : '';
  card.append(title, summary, protocol);
  return card;
}

try {
  const response = await fetch('/api/labs', { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  }
  container.replaceChildren();
  const problems = labProblems(body.problems);
  if (problems) {
    container.append(problems);
  }
  if (body.labs.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No labs are installed yet. An instructor adds a lab as a folder with a lab.yaml under labs/.';
    container.append(empty);
  } else {
    container.append(...body.labs.map(labCard));
  }
} catch (error) {
  const notice = document.createElement('p');
  notice.className = 'notice error';
  notice.textContent = `The lab catalog could not be loaded: ${error.message}`;
  container.replaceChildren(notice);
}

// The protocols a run can use, each with a way to start one.
const protocolList = document.getElementById('protocols');

function protocolCard(protocol) {
  const card = document.createElement('article');
  card.className = 'lab-card protocol-card';
  card.dataset.protocol = protocol.id;
  const title = document.createElement('h3');
  title.textContent = protocol.title;
  const description = document.createElement('p');
  description.textContent = protocol.description;
  const start = document.createElement('a');
  start.className = 'button primary';
  start.href = `/new-run.html?protocol=${encodeURIComponent(protocol.id)}`;
  start.textContent = `Start a ${protocol.id} run`;
  card.append(title, description, start);
  return card;
}

try {
  const response = await fetch('/api/protocols', { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  }
  protocolList.replaceChildren(...body.protocols.map(protocolCard));
} catch (error) {
  const notice = document.createElement('p');
  notice.className = 'notice error';
  notice.textContent = `The protocols could not be loaded: ${error.message}`;
  protocolList.replaceChildren(notice);
}
