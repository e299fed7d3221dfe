// Sign-up, with a course's join code or with the invitation link an instructor sent (#invite=...).
import { api } from '/js/api.js';
import { onSubmit, showError } from '/js/forms.js';

const form = document.getElementById('signup-form');
const invitation = new URLSearchParams(location.hash.slice(1)).get('invite');

async function showInvitation() {
  const codeField = document.getElementById('join-code-field');
  const note = document.getElementById('invitation-note');
  codeField.hidden = true;
  form.elements.namedItem('joinCode').required = false;
  try {
    const invited = await api.post('/api/invitations/preview', { invitation });
    note.textContent = `You are invited to ${invited.courseTitle} (${invited.courseCode}) as ${invited.role.toLowerCase()}.`;
    const email = form.elements.namedItem('email');
    email.value = invited.email;
    email.readOnly = true;
  } catch (error) {
    showError(form, error);
  }
}

if (invitation) {
  showInvitation();
}

onSubmit(form, async ({ email, displayName, password, joinCode }) => {
  const body = invitation
    ? { email, displayName, password, invitation }
    : { email, displayName, password, joinCode };
  // Sign-up answers alike whether the address had an account or not (so it tells no one who has one), and signs
  // nobody in: log in with what was typed, then join, which is harmless if sign-up already did it.
  await api.post('/api/signup', body);
  await api.post('/api/session', { email, password });
  if (invitation) {
    await api.post('/api/invitations/accept', { invitation });
  } else {
    await api.post('/api/courses/join', { joinCode });
  }
  location.assign('/courses.html');
});
