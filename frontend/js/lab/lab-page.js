// The lab page (lab.html?course=<id>&lab=<labId>[&practice=<n>]): a lab as one student does it in one
// course, with the instructions, the student's data, the run of their variant and the exercises; with
// practice=n, the student's practice variant n, whose answers are checked freely and never count.
import { api, session } from '/js/api.js';
import { el, when, notice } from '/js/dom.js';
import { givenTables } from '/js/lab/given.js';
import { figures } from '/js/lab/figures.js';
import { showRunPanel, openRunAt } from '/js/lab/run-panel.js';
import { showPracticePanel } from '/js/lab/practice-panel.js';
import { ExerciseCard, pointsText } from '/js/lab/exercise.js';
import { rememberInterventions } from '/js/run/faults.js';

const params = new URLSearchParams(location.search);
const courseId = params.get('course') ?? '';
const labId = params.get('lab') ?? '';
const practice = params.has('practice') ? Number(params.get('practice')) : null;
const labBase = `/api/courses/${encodeURIComponent(courseId)}/labs/${encodeURIComponent(labId)}`;
const base = practice === null ? labBase : `${labBase}/practice/${encodeURIComponent(params.get('practice'))}`;
const $ = (id) => document.getElementById(id);

async function behavioursOf(protocol, exercises) {
  if (!exercises.some((e) => e.input.kind === 'fault-plan')) {
    return [];
  }
  const { protocols, interventions } = await api.get('/api/protocols');
  rememberInterventions(interventions);
  return protocols.find((p) => p.id === protocol)?.behaviours ?? [];
}

function showHead(sheet) {
  const { course, lab } = sheet;
  document.title = `${lab.title} — FaultLab`;
  $('lab-title').textContent = practice === null ? lab.title : `${lab.title} — practice variant ${practice}`;
  $('course-link').textContent = `${course.title} (${course.code})`;
  const meta = [`${pointsText(lab.points)} in all`];
  if (lab.opensAt) {
    meta.push(`opens ${when(lab.opensAt)}`);
  }
  meta.push(lab.dueAt ? `due ${when(lab.dueAt)}` : 'no due date');
  $('lab-meta').textContent = meta.join(' · ');
  $('lab-summary').textContent = lab.summary;
}

function showLab(sheet, student, behaviours) {
  showHead(sheet);
  const panels = new Set(sheet.lab.panels);
  if (panels.has('instructions') && sheet.lab.instructionsHtml) {
    $('instructions-body').innerHTML = sheet.lab.instructionsHtml; // sanitized by the server
    $('instructions').hidden = false;
  }
  if (sheet.given.length > 0) {
    $('given-tables').replaceChildren(...givenTables(sheet.given));
    $('given').hidden = false;
  }
  const labFigures = sheet.lab.figures ?? [];
  if (labFigures.length > 0) {
    $('figures-body').replaceChildren(...figures(labFigures));
    $('figures').hidden = false;
  }
  const cards = [];
  const beforeLeave = () => Promise.all(cards.map((card) => card.flushDraft()));
  const runOf = { courseId: sheet.course.id, labId: sheet.lab.id, ...(practice === null ? {} : { practice }) };
  const runAllowed = practice !== null || sheet.run.allowed;
  if (panels.has('run')) {
    showRunPanel($('run-body'), { ...sheet, run: runAllowed ? { allowed: true } : sheet.run }, beforeLeave, runOf);
    $('run-panel').hidden = false;
  }
  showPracticePanel($('practice-body'), sheet, practice, courseId, labId);
  $('practice-panel').hidden = false;
  const openAt = runAllowed ? (seq) => openRunAt(runOf, seq, beforeLeave) : null;
  const others = (exerciseId) => Object.fromEntries(cards.filter((card) => card.exercise.id !== exerciseId)
    .map((card) => [card.exercise.id, card.currentAnswer()]));
  for (const exercise of sheet.exercises) {
    try {
      cards.push(new ExerciseCard(exercise, base, { student, behaviours, beforeLeave, openAt,
        practice: practice === null ? null : { others } }));
    } catch (error) {
      $('exercises').append(notice(`The exercise "${exercise.title}" cannot be shown: ${error.message}`));
    }
  }
  $('exercises').append(...cards.map((card) => card.element));
  // A student who switches tab or closes the page keeps what they typed a moment ago.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      beforeLeave();
    }
  });
}

const { user } = await session();
if (user === null) {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
} else {
  try {
    const [sheet, course] = await Promise.all([api.get(base), api.get(`/api/courses/${encodeURIComponent(courseId)}`)]);
    $('course-link').href = course.canManage ? `/course.html?id=${encodeURIComponent(courseId)}` : '/courses.html';
    showLab(sheet, course.role === 'STUDENT', await behavioursOf(sheet.lab.protocol, sheet.exercises));
    document.body.classList.toggle('practice', practice !== null);
    $('lab-view').hidden = false;
  } catch (error) {
    $('lab-error').replaceChildren(notice(`The lab could not be opened: ${error.message}`));
  }
  $('lab-loading').hidden = true;
}
