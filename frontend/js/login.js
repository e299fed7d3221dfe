// The login form.
import { api, refreshSession } from '/js/api.js';
import { onSubmit, nextPage } from '/js/forms.js';

const form = document.getElementById('login-form');
onSubmit(form, async ({ email, password }) => {
  await api.post('/api/session', { email, password });
  await refreshSession();
  location.assign(nextPage());
});
