// Shows in the footer whether the server and its database are healthy.
const status = document.getElementById('server-status');
const version = document.getElementById('version');

try {
  const response = await fetch('/api/health', { headers: { Accept: 'application/json' } });
  const health = await response.json();
  version.textContent = health.version;
  status.textContent = health.database.up
    ? 'Server and database are up.'
    : `The database is unreachable: ${health.database.problem}`;
  status.dataset.state = health.database.up ? 'up' : 'down';
} catch (error) {
  status.textContent = 'The server cannot be reached right now.';
  status.dataset.state = 'down';
}
