// Form helpers shared by the account pages: read a form as an object, and show the server's refusal next to
// the field it names (linked with aria-describedby, so screen readers announce it) or above the form.
import { ApiError } from '/js/api.js';

export function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.textContent = '';
  }
}

/** Puts an error in words next to its field when the server named one the form has, else above the form. */
export function showError(form, error) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  const field = error instanceof ApiError ? error.field : undefined;
  const input = field ? form.elements.namedItem(field) : null;
  const slot = input ? form.querySelector(`#${input.id}-error`) : null;
  if (input && slot) {
    slot.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  form.querySelector('.form-error').textContent = message;
}

/** Runs the form's action on submit, with errors shown and the button disabled while it runs. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await action(values(form));
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

/** Where to go after signing in: the page that sent the visitor here, if it is one of ours. */
export function nextPage(fallback = '/courses.html') {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
