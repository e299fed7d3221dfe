// "My courses": each course with its labs (each opens the lab page) and due dates, a student's own grades,
// the gradebook for instructors; joining another course; creating one (instructors).
import { api, session } from '/js/api.js';
import { onSubmit } from '/js/forms.js';
import { el, when, notice } from '/js/dom.js';

const list = document.getElementById('courses');

const STATUS_TEXT = { open: 'open', upcoming: 'not open yet', closed: 'closed' };

function labItem(course, lab, grade) {
  const href = `/lab.html?course=${course.id}&lab=${encodeURIComponent(lab.labId)}`;
  return el('li', { class: `course-lab ${lab.status}`, 'data-lab': lab.labId },
    el('a', { class: 'lab-title', href }, lab.title),
    el('span', { class: 'muted' }, ` — opens ${when(lab.opensAt)}, due ${when(lab.dueAt)} (${STATUS_TEXT[lab.status]})`),
    grade ? el('span', { class: 'lab-grade' }, ` · your score: ${gradeText(grade)}`) : null);
}

/** A student's score for a lab, e.g. "12.5 of 40 points (3 of 6 exercises submitted)". */
function gradeText(grade) {
  const submitted = grade.exercises.filter((e) => e.attemptsUsed > 0).length;
  return `${Number(grade.points.toFixed(2))} of ${grade.maxPoints} points `
    + `(${submitted} of ${grade.exercises.length} exercises submitted)`;
}

function courseCard(course, grades) {
  const byLab = new Map((grades?.labs ?? []).map((g) => [g.labId, g]));
  const labs = course.labs.length === 0
    ? el('p', { class: 'muted' }, 'No labs are assigned yet.')
    : el('ul', { class: 'course-labs' }, ...course.labs.map((lab) => labItem(course, lab, byLab.get(lab.labId))));
  const role = course.role ? course.role.toLowerCase() : 'administrator';
  const actions = course.canManage ? el('p', { class: 'course-actions' },
    el('a', { href: `/course.html?id=${course.id}`, class: 'button' }, 'Manage this course'), ' ',
    el('a', { href: `/gradebook.html?course=${course.id}`, class: 'button' }, 'Gradebook')) : null;
  return el('article', { class: 'course-card', 'data-course-code': course.code },
    el('h2', {}, course.title),
    el('p', { class: 'muted' }, `${course.code} · you are ${role === 'student' ? 'a student' : `the ${role}`}`),
    labs, actions);
}

/** A course with the viewer's own grades when they are one of its students; the course shows even if they fail. */
async function courseWithGrades(id) {
  const course = await api.get(`/api/courses/${id}`);
  if (course.role !== 'STUDENT') {
    return courseCard(course, null);
  }
  try {
    return courseCard(course, await api.get(`/api/courses/${id}/grades`));
  } catch (error) {
    const card = courseCard(course, null);
    card.append(notice(`Your scores could not be loaded: ${error.message}`));
    return card;
  }
}

async function showCourses() {
  try {
    const { courses } = await api.get('/api/courses');
    if (courses.length === 0) {
      list.replaceChildren(el('p', { class: 'empty' }, 'You are in no course yet. Join one with the code your instructor gave you.'));
      return;
    }
    list.replaceChildren(...await Promise.all(courses.map((c) => courseWithGrades(c.id))));
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
