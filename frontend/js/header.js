// The account part of the site header: who is signed in, with links to their courses and a logout button,
// or links to log in and sign up.
import { api, session, refreshSession } from '/js/api.js';

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (location.pathname === href) {
    a.setAttribute('aria-current', 'page');
  }
  return a;
}

async function render() {
  const slot = document.getElementById('account-nav');
  if (!slot) {
    return;
  }
  try {
    const { user } = await session();
    if (user === null) {
      slot.replaceChildren(link('/login.html', 'Log in'), link('/signup.html', 'Sign up'));
      return;
    }
    const name = link('/account.html', user.displayName);
    name.id = 'signed-in-as';
    const logout = document.createElement('button');
    logout.type = 'button';
    logout.className = 'link-button';
    logout.textContent = 'Log out';
    logout.addEventListener('click', async () => {
      await api.delete('/api/session');
      await refreshSession();
      location.assign('/login.html');
    });
    slot.replaceChildren(link('/courses.html', 'My courses'), name, logout);
  } catch {
    slot.replaceChildren(link('/login.html', 'Log in'));
  }
}

render();
