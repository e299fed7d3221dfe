// FaultLab's API from the browser: JSON in and out, the CSRF token sent on every state-changing request,
// and the API's error shape {"error": {code, message, details}} turned into a thrown ApiError whose
// message is meant for people. Usage:
//   import { api, ApiError } from '/js/api.js';
//   const { courses } = await api.get('/api/courses');
//   await api.post('/api/courses/join', { joinCode });
// The session cookie is HttpOnly and travels by itself, also on a same-origin WebSocket.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details ?? {};
  }

  /** The request field the server refused, if it named one. */
  get field() {
    return this.details.field;
  }
}

let csrfToken = null;
let sessionRequest = null;

/** Who is signed in ({user: null} when nobody), fetched once per page unless refreshed. */
export function session() {
  if (sessionRequest === null) {
    sessionRequest = request('GET', '/api/session');
  }
  return sessionRequest;
}

/** Forgets the cached session, e.g. after logging in or out. */
export function refreshSession() {
  sessionRequest = null;
  return session();
}

async function csrfHeader() {
  if (csrfToken === null) {
    await refreshSession();
  }
  return csrfToken;
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (!SAFE_METHODS.has(method)) {
    headers['X-CSRF-Token'] = await csrfHeader();
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.', {});
  }
}

async function readBody(response) {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (text === '') {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** One request; a stale CSRF token (the session changed in another tab) is refreshed and the request retried once. */
export async function request(method, path, body) {
  let response = await send(method, path, body);
  let data = await readBody(response);
  if (response.status === 403 && data?.error?.code === 'csrf_failed' && !SAFE_METHODS.has(method)) {
    csrfToken = null;
    response = await send(method, path, body);
    data = await readBody(response);
  }
  if (typeof data?.csrfToken === 'string') {
    csrfToken = data.csrfToken;
  }
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`,
      error?.message ?? `The server answered ${response.status}. Please try again.`, error?.details);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body = {}) => request('PUT', path, body),
  patch: (path, body = {}) => request('PATCH', path, body),
  delete: (path) => request('DELETE', path),
};
