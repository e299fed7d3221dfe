// "My courses": each course with its labs and due dates; joining another course; creating one (instructors).
import { api, session } from '/js/api.js';
import { onSubmit } from '/js/forms.js';
import { el, when, notice } from '/js/dom.js';

const list = document.getElementById('courses');

const STATUS_TEXT = { open: 'open', upcoming: 'not open yet', closed: 'closed' };

function labItem(lab) {
  return el('li', { class: `course-lab ${lab.status}` },
    el('span', { class: 'lab-title' }, lab.title),
    el('span', { class: 'muted' }, ` — opens ${when(lab.opensAt)}, due ${when(lab.dueAt)} (${STATUS_TEXT[lab.status]})`));
}

function courseCard(course) {
  const labs = course.labs.length === 0
    ? el('p', { class: 'muted' }, 'No labs are assigned yet.')
    : el('ul', { class: 'course-labs' }, ...course.labs.map(labItem));
  const role = course.role ? course.role.toLowerCase() : 'administrator';
  return el('article', { class: 'course-card', 'data-course-code': course.code },
    el('h2', {}, course.title),
    el('p', { class: 'muted' }, `${course.code} · you are ${role === 'student' ? 'a student' : `the ${role}`}`),
    labs,
    course.canManage ? el('p', {}, el('a', { href: `/course.html?id=${course.id}`, class: 'button' }, 'Manage this course')) : null);
}

async function showCourses() {
  try {
    const { courses } = await api.get('/api/courses');
    if (courses.length === 0) {
      list.replaceChildren(el('p', { class: 'empty' }, 'You are in no course yet. Join one with the code your instructor gave you.'));
      return;
    }
    const details = await Promise.all(courses.map((c) => api.get(`/api/courses/${c.id}`)));
    list.replaceChildren(...details.map(courseCard));
  } catch (error) {
    list.replaceChildren(notice(`Your courses could not be loaded: ${error.message}`));
  }
}

const { user } = await session();
if (user === null) {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname)}`);
} else {
  showCourses();
  onSubmit(document.getElementById('join-form'), async ({ joinCode }) => {
    await api.post('/api/courses/join', { joinCode });
    document.getElementById('join-form').reset();
    await showCourses();
  });
  if (user.isInstructor || user.isAdmin) {
    const create = document.getElementById('create-course');
    create.hidden = false;
    document.getElementById('instructor-email-field').hidden = !user.isAdmin;
    onSubmit(document.getElementById('create-form'), async ({ code, title, instructorEmail }) => {
      const course = await api.post('/api/courses', { code, title, instructorEmail: instructorEmail || null });
      location.assign(`/course.html?id=${course.id}`);
    });
  }
}
