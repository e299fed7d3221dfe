// The gradebook (gradebook.html?course=<id>[&lab=<labId>]) for a course's instructors: every student's
// points per lab, then one lab in detail with its CSV export and regrading.
import { api, session } from '/js/api.js';
import { notice } from '/js/dom.js';
import { overviewTable } from '/js/gradebook/overview.js';
import { exerciseStatsTable, labStudentsTable } from '/js/gradebook/lab-detail.js';
import { Regrade } from '/js/gradebook/regrade.js';
import { studentAttempts } from '/js/gradebook/student-attempts.js';

const params = new URLSearchParams(location.search);
const courseId = params.get('course') ?? '';
const base = `/api/courses/${encodeURIComponent(courseId)}`;
const $ = (id) => document.getElementById(id);
const regrade = new Regrade($('regrade-form'), $('regrade-result'), () => reload());
let current = params.get('lab');
let labIds = new Set();

function problem(error) {
  $('gradebook-problem').replaceChildren(notice(error.message));
}

async function showLab(labId) {
  current = labId;
  const url = new URL(location.href);
  url.searchParams.set('lab', labId);
  history.replaceState(null, '', url);
  const labBase = `${base}/labs/${encodeURIComponent(labId)}`;
  const detail = await api.get(`${labBase}/gradebook`);
  $('lab-detail-heading').textContent = detail.lab.title;
  $('csv-link').href = `${labBase}/gradebook.csv`;
  $('exercise-stats').replaceChildren(exerciseStatsTable(detail));
  $('lab-students').replaceChildren(labStudentsTable(detail, (student) => showAttempts(labBase, student).catch(problem)));
  $('student-attempts').hidden = true;
  $('lab-detail').hidden = false;
  regrade.show(`${labBase}/regrade`);
}

async function showAttempts(labBase, student) {
  const view = await api.get(`${labBase}/students/${encodeURIComponent(student.userId)}/attempts`);
  $('student-attempts-heading').textContent = `Answers of ${view.student.displayName} (${view.student.email})`;
  $('student-attempts-body').replaceChildren(studentAttempts(view));
  $('student-attempts').hidden = false;
  $('student-attempts-heading').focus();
}

async function reload() {
  const book = await api.get(`${base}/gradebook`);
  labIds = new Set(book.labs.map((lab) => lab.labId));
  $('overview').replaceChildren(overviewTable(book, (labId) => showLab(labId).then(() => $('lab-detail-heading').focus(), problem)));
  if (current && labIds.has(current)) {
    await showLab(current);
  }
}

const { user } = await session();
if (user === null) {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
} else {
  try {
    const course = await api.get(base);
    $('gradebook-title').textContent = `Gradebook — ${course.title} (${course.code})`;
    $('course-link').textContent = `Manage ${course.title}`;
    $('course-link').href = `/course.html?id=${encodeURIComponent(courseId)}`;
    await reload();
    $('gradebook').hidden = false;
  } catch (error) {
    problem(error);
  }
}
