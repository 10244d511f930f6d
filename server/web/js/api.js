// Talks to the read API with the session cookie; every non-GET carries the session's CSRF token:
// the one the login returned (kept in sessionStorage, per tab), or, in a tab that has none (a
// petition opened in a new tab), the one GET /auth/session gives for the cookie.

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

/** The CSRF token of this tab's session, asked from the server when the tab has none. */
async function csrfToken(fresh = false) {
    const known = sessionStorage.getItem(kCsrfKey);
    if (known && !fresh) return known;
    try {
        const res = await fetch(
            '/api/v1/auth/session',
            {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
        const data = res.ok ? await res.json() : null;
        setCsrf(data && data.csrf);
        return (data && data.csrf) || '';
    } catch {
        return '';
    }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(f) { onUnauthorized = f; }

export async function api(path, {method = 'GET', body, params, retried = false} = {}) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const needsCsrf = method !== 'GET' && !path.startsWith('/auth/login');
    if (needsCsrf) headers['X-CSRF-Token'] = await csrfToken(retried);
    let res;
    try {
        res = await fetch('/api/v1' + path + query(params), {
            method,
            headers,
            credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (e) {
        throw new ApiError(0, 'network', e.message);
    }
    let data = null;
    try { data = await res.json(); } catch { data = null; }
  if (!res.ok) {
    const err = (data && data.error) || {};
    // A token from an older session of this tab: ask for the current one, once.
    if (res.status === 403 && err.code === 'csrf_failed' && needsCsrf && !retried)
        return api(path, {method, body, params, retried: true});
    const error = new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText);
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized(error);
    throw error;
  }
  return data;
}

/** Sends a file as the raw body of a POST with `headers` (its type, name, caption), with the
 *  session's CSRF token; the reply's JSON, or an ApiError. */
export async function upload(path, file, headers, retried = false) {
    let res;
    try {
        res = await fetch('/api/v1' + path, {
            method: 'POST',
            headers: {...headers, Accept: 'application/json', 'X-CSRF-Token': await csrfToken(retried)},
            credentials: 'same-origin',
            body: file,
        });
    } catch (e) {
        throw new ApiError(0, 'network', e.message);
    }
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    if (res.ok) return data;
    const err = (data && data.error) || {};
    if (res.status === 403 && err.code === 'csrf_failed' && !retried) return upload(path, file, headers, true);
    const error = new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText);
    if (res.status === 401) onUnauthorized(error);
    throw error;
}

/** URL of an export of a filtered list (downloaded with the cookie). */
export function exportUrl(entity, format, params) {
  return '/api/v1/exports/' + entity + 's.' + format + query(params);
}
