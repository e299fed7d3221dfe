// An instructor's page for one course: join code, invitations, students, the labs with their dates (each
// opens the lab page; a broken one is flagged), and the way to the gradebook.
import { api, session } from '/js/api.js';
import { onSubmit } from '/js/forms.js';
import { el, when, notice } from '/js/dom.js';
import { brokenFlag, labProblems } from '/js/lab-problems.js';

const courseId = new URLSearchParams(location.search).get('id');
const base = `/api/courses/${encodeURIComponent(courseId ?? '')}`;
const main = document.getElementById('course-admin');
const problems = document.getElementById('course-problem');
// The catalog as GET /api/labs gave it: the labs to choose from, and the broken ones to flag.
let catalog = { labs: [], broken: [], problems: [] };

function showProblem(error) {
  problems.replaceChildren(notice(error.message));
}

function showCourse(course) {
  document.getElementById('course-title').textContent = `${course.title} (${course.code})`;
  document.getElementById('join-code').textContent = course.joinCode;
  document.getElementById('gradebook-link').href = `/gradebook.html?course=${encodeURIComponent(courseId)}`;
  showLabs(course.labs);
}

function showMembers(members) {
  const rows = members.map((m) => {
    const remove = m.role === 'STUDENT'
      ? el('button', { type: 'button', class: 'button', textContent: 'Remove',
        ariaLabel: `Remove ${m.displayName} from the course`, onclick: () => removeStudent(m) })
      : null;
    return el('tr', {}, el('td', {}, m.displayName), el('td', {}, m.email), el('td', {}, m.role.toLowerCase()),
      el('td', {}, when(m.enrolledAt)), el('td', {}, remove));
  });
  document.getElementById('members').replaceChildren(...rows);
}

function showLabs(labs) {
  const rows = labs.map((lab) => el('tr', {},
    el('td', {}, el('a', { href: `/lab.html?course=${encodeURIComponent(courseId)}&lab=${encodeURIComponent(lab.labId)}` }, lab.title),
      brokenFlag(lab.labId, catalog.broken)),
    el('td', {}, when(lab.opensAt)), el('td', {}, when(lab.dueAt)),
    el('td', {}, el('button', { type: 'button', class: 'button', textContent: 'Remove',
      ariaLabel: `Remove the lab ${lab.title}`, onclick: () => removeLab(lab) }))));
  document.getElementById('labs').replaceChildren(...rows);
}

async function reload() {
  const [course, { members }, labs] = await Promise.all([api.get(base), api.get(`${base}/members`), api.get('/api/labs')]);
  catalog = labs;
  showCourse(course);
  showMembers(members);
}

async function removeStudent(member) {
  if (!confirm(`Remove ${member.displayName} from the course?`)) {
    return;
  }
  try {
    await api.delete(`${base}/students/${member.userId}`);
    await reload();
  } catch (error) {
    showProblem(error);
  }
}

async function removeLab(lab) {
  try {
    await api.delete(`${base}/labs/${encodeURIComponent(lab.labId)}`);
    await reload();
  } catch (error) {
    showProblem(error);
  }
}

function fillLabChoices() {
  const { labs, broken, problems } = catalog;
  document.getElementById('lab-problems').replaceChildren(...[labProblems(broken, problems)].filter(Boolean));
  const select = document.getElementById('lab-id');
  select.replaceChildren(...labs.map((lab) => el('option', { value: lab.id }, lab.title)));
  if (labs.length === 0) {
    select.replaceChildren(el('option', { value: '' }, 'No labs are installed'));
  }
}

/** datetime-local gives local time without a zone; the API wants an instant. */
function instant(local) {
  return local ? new Date(local).toISOString() : null;
}

const { user } = await session();
if (user === null) {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
} else {
  try {
    await reload();
    fillLabChoices();
    main.hidden = false;
  } catch (error) {
    showProblem(error);
  }
  document.getElementById('regenerate').addEventListener('click', async () => {
    try {
      showCourse(await api.post(`${base}/join-code`));
    } catch (error) {
      showProblem(error);
    }
  });
  onSubmit(document.getElementById('invite-form'), async ({ email, role }) => {
    const issued = await api.post(`${base}/invitations`, { email, role });
    const link = `${location.origin}/signup.html#invite=${issued.invitation}`;
    document.getElementById('invitation-link').replaceChildren(
      el('p', {}, `Send this link to ${issued.email} (valid until ${when(issued.expiresAt)}):`),
      el('input', { type: 'text', readOnly: true, value: link, class: 'wide', ariaLabel: 'Invitation link' }));
    document.getElementById('invite-form').reset();
  });
  onSubmit(document.getElementById('lab-form'), async ({ labId, opensAt, dueAt }) => {
    await api.put(`${base}/labs/${encodeURIComponent(labId)}`, { opensAt: instant(opensAt), dueAt: instant(dueAt) });
    await reload();
  });
}
