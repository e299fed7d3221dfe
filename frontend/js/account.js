// Changing one's password.
import { api, session } from '/js/api.js';
import { onSubmit } from '/js/forms.js';

const { user } = await session();
if (user === null) {
  location.assign(`/login.html?next=${encodeURIComponent(location.pathname)}`);
} else {
  document.getElementById('account-email').textContent = user.email;
}

const form = document.getElementById('password-form');
const done = document.getElementById('password-done');
onSubmit(form, async ({ currentPassword, newPassword }) => {
  done.textContent = '';
  await api.put('/api/account/password', { currentPassword, newPassword });
  form.reset();
  done.textContent = 'Your password is changed. Other browsers where you were logged in are now logged out.';
});
