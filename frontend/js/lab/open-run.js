// Starting a run from a lab, then going to the run view. A lab's own run ({lab: {courseId, labId}}) is
// the student's variant; an exercise's scenario ({recipe}) is used to try an answer out.
import { api } from '/js/api.js';

export async function startRun(body) {
  const { run } = await api.post('/api/runs', body);
  return run;
}

export function runViewUrl(runId) {
  return `/run.html?id=${encodeURIComponent(runId)}`;
}
