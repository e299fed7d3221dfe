// Lists the labs the server offers, or says plainly that there are none yet; an instructor also sees the
// broken labs (files that do not load or a failing self-test), why, and a flag on the card of each. Each lab card is a link: to the lab page in a course of the viewer
// that assigns it, otherwise to where one gets such a course. Then the protocols, each with its run form.
import { api, session } from '/js/api.js';
import { brokenFlag, labProblems } from '/js/lab-problems.js';
import { startRunText } from '/js/protocol-names.js';

const container = document.getElementById('labs');

/** Where a lab card leads: the lab in each of the viewer's courses that assign it, else a way to get there. */
function destinations(lab, user, courses) {
  if (user === null) {
    return { href: `/login.html?next=${encodeURIComponent('/courses.html')}`, hint: 'Log in and open it from a course that assigns it.' };
  }
  const assigning = courses.filter((course) => course.labs.some((l) => l.labId === lab.id));
  if (assigning.length === 0) {
    return { href: '/courses.html', hint: 'None of your courses assigns this lab yet: join a course with its code on My courses.' };
  }
  const [first, ...others] = assigning;
  return {
    href: `/lab.html?course=${encodeURIComponent(first.id)}&lab=${encodeURIComponent(lab.id)}`,
    hint: others.length === 0 ? `In ${first.title}.` : `In ${first.title}; also in ${others.map((c) => c.title).join(', ')}.`,
  };
}

function labCard(lab, protocols, user, courses, broken) {
  const { href, hint } = destinations(lab, user, courses);
  const card = document.createElement('article');
  card.className = 'lab-card';
  card.id = `lab-${lab.id}`;
  card.dataset.lab = lab.id;
  const title = document.createElement('h2');
  const link = document.createElement('a');
  link.className = 'card-link';
  link.href = href;
  link.textContent = lab.title;
  title.append(link);
  const flag = brokenFlag(lab.id, broken);
  if (flag) {
    title.append(flag);
  }
  const summary = document.createElement('p');
  summary.textContent = lab.summary;
  const about = document.createElement('p');
  about.className = 'muted lab-about';
  if (lab.topic) {
    about.textContent = `Topic: ${lab.topic}`;
  } else {
    about.textContent = `Protocol: ${protocols.find((p) => p.id === lab.protocol)?.title ?? lab.protocol}`;
  }
  const where = document.createElement('p');
  where.className = 'hint lab-where';
  where.textContent = hint;
  card.append(title, summary, about, where);
  return card;
}

async function load(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  }
  return body;
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
  start.textContent = startRunText(protocol);
  const labs = document.createElement('p');
  labs.className = 'protocol-labs';
  labs.hidden = true;
  card.append(title, description, labs, start);
  return card;
}

/** Under each protocol, links to the labs about it (not those that only use it as a workload for another topic). */
function linkLabs(labs) {
  for (const card of protocolList.querySelectorAll('.protocol-card')) {
    const about = labs.filter((lab) => lab.protocol === card.dataset.protocol && !lab.topic);
    const line = card.querySelector('.protocol-labs');
    if (about.length === 0) {
      continue;
    }
    line.replaceChildren(about.length === 1 ? 'Lab: ' : 'Labs: ');
    about.forEach((lab, i) => {
      const link = document.createElement('a');
      link.href = `#lab-${lab.id}`;
      link.textContent = lab.title;
      line.append(...(i > 0 ? [', ', link] : [link]));
    });
    line.hidden = false;
  }
}

let protocols = [];
try {
  protocols = (await load('/api/protocols')).protocols;
  protocolList.replaceChildren(...protocols.map(protocolCard));
} catch (error) {
  const notice = document.createElement('p');
  notice.className = 'notice error';
  notice.textContent = `The protocols could not be loaded: ${error.message}`;
  protocolList.replaceChildren(notice);
}

try {
  const [body, { user }] = await Promise.all([load('/api/labs'), session()]);
  // The list names the courses; each course's own page names its labs.
  const courses = user === null ? [] : await Promise.all((await api.get('/api/courses')).courses
    .map((course) => api.get(`/api/courses/${encodeURIComponent(course.id)}`)));
  container.replaceChildren();
  const problems = labProblems(body.broken, body.problems);
  if (problems) {
    container.append(problems);
  }
  if (body.labs.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No labs are installed yet. An instructor adds a lab as a folder with a lab.yaml under labs/.';
    container.append(empty);
  } else {
    container.append(...body.labs.map((lab) => labCard(lab, protocols, user, courses, body.broken)));
    linkLabs(body.labs);
  }
} catch (error) {
  const notice = document.createElement('p');
  notice.className = 'notice error';
  notice.textContent = `The lab catalog could not be loaded: ${error.message}`;
  container.replaceChildren(notice);
}
