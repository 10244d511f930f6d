// Talks to the read API with the session cookie; every non-GET carries the CSRF token that
// the login returned (kept in sessionStorage, per tab).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const kCsrfKey = 'nghedan.csrf';

export function setCsrf(token) {
  if (token) sessionStorage.setItem(kCsrfKey, token);
  else sessionStorage.removeItem(kCsrfKey);
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(f) { onUnauthorized = f; }

export async function api(path, { method = 'GET', body, params } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = sessionStorage.getItem(kCsrfKey) || '';
  let res;
  try {
    res = await fetch('/api/v1' + path + query(params), {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (!res.ok) {
    const err = (data && data.error) || {};
    const error = new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText);
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized(error);
    throw error;
  }
  return data;
}

/** URL of an export of a filtered list (downloaded with the cookie). */
export function exportUrl(entity, format, params) {
  return '/api/v1/exports/' + entity + 's.' + format + query(params);
}
