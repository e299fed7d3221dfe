// The first administrator's setup, from the one-time link the server printed (#token=...).
import { api } from '/js/api.js';
import { onSubmit } from '/js/forms.js';

const form = document.getElementById('setup-form');
const status = document.getElementById('setup-status');
const token = new URLSearchParams(location.hash.slice(1)).get('token');

const setup = await api.get('/api/setup');
if (!setup.pending) {
  status.textContent = 'FaultLab already has an administrator. Log in instead.';
  form.hidden = true;
} else if (!token) {
  status.textContent = 'Open the setup link printed in the server log: it ends with #token=…';
  form.hidden = true;
} else {
  status.textContent = `You are setting up the administrator account ${setup.email}.`;
}

onSubmit(form, async ({ displayName, password }) => {
  await api.post('/api/setup', { token, displayName, password });
  location.assign('/courses.html');
});
