// The dashboard shell: session, top bar, hash routes (#/petitions?status=..., #/petitions/ID).
import { api, setCsrf, setUnauthorizedHandler } from './api.js';
import { h, mount } from './dom.js';
import { lang, roleLabel, setLang, setSchema, t } from './i18n.js';
import * as loginPage from './pages/login.js';
import * as overviewPage from './pages/overview.js';
import * as petitionsPage from './pages/petitions.js';
import * as petitionPage from './pages/petition.js';
import * as meetingsPage from './pages/meetings.js';
import * as meetingPage from './pages/meeting.js';
import * as directivesPage from './pages/directives.js';
import * as directivePage from './pages/directive.js';
import * as noticePage from './pages/notice.js';
import * as accessLogPage from './pages/access-log.js';
import * as privacyPage from './pages/privacy.js';

const main = document.getElementById('app');
const session = { me: null };

const routes = [
  { re: /^\/login$/, page: loginPage, nav: null, public: true },
  { re: /^\/?$/, page: overviewPage, nav: 'overview' },
  { re: /^\/petitions$/, page: petitionsPage, nav: 'petitions' },
  { re: /^\/petitions\/([\w-]+)$/, page: petitionPage, nav: 'petitions' },
  { re: /^\/meetings$/, page: meetingsPage, nav: 'meetings' },
  { re: /^\/meetings\/([\w-]+)$/, page: meetingPage, nav: 'meetings' },
  { re: /^\/directives$/, page: directivesPage, nav: 'directives' },
  { re: /^\/directives\/([\w-]+)$/, page: directivePage, nav: 'directives' },
  { re: /^\/notice$/, page: noticePage, nav: 'notice' },
  { re: /^\/access-log$/, page: accessLogPage, nav: 'access-log' },
  { re: /^\/privacy$/, page: privacyPage, nav: 'privacy' },
];

/** The current route: path, its captures and the query parameters of the hash. */
function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  return { path, params: new URLSearchParams(qs || '') };
}

/** Navigates to a path with query parameters (empty values left out). */
function go(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined && v !== false) q.set(k, v === true ? '1' : v);
  const s = q.toString();
  const target = '#' + path + (s ? '?' + s : '');
  if (location.hash === target) render(); else location.hash = target;
}

function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = 'toast toast-' + kind;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

async function loadSession() {
  try {
    session.me = await api('/me');
    setSchema(await api('/schema'));
  } catch {
    session.me = null;
  }
}

function renderTopbar(nav) {
  const bar = document.getElementById('topbar');
  if (!session.me) { bar.hidden = true; return; }
  bar.hidden = false;
  document.getElementById('scope-name').textContent = session.me.user.scopeUnitName || '';
  const links = [['overview', '#/', 'navOverview'], ['petitions', '#/petitions', 'navPetitions'],
    ['meetings', '#/meetings', 'navMeetings'], ['directives', '#/directives', 'navDirectives'], ['notice', '#/notice', 'navNotice']];
  // Admins read the access log of personal data (the server answers 403 to anyone else).
  if (session.me.user.role === 'admin') {
    links.push(['access-log', '#/access-log', 'navAccessLog']);
    links.push(['privacy', '#/privacy', 'navPrivacy']);
  }
  mount(document.getElementById('mainnav'), links.map(([key, href, label]) =>
    h('a', { href, class: key === nav ? 'active' : null, 'aria-current': key === nav ? 'page' : null }, t(label))));
  const u = session.me.user;
  document.getElementById('user-name').textContent = `${u.displayName || u.username} · ${roleLabel(u.role)}`;
  document.getElementById('logout').textContent = t('logout');
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = lang() === 'vi' ? 'EN' : 'VI';
  toggle.setAttribute('aria-label', t('switchLang'));
}

let renderSeq = 0;
async function render() {
  const seq = ++renderSeq;
  const { path } = currentRoute();
  const route = routes.find((r) => r.re.test(path)) || routes[1];
  if (!route.public && !session.me) await loadSession();
  if (seq !== renderSeq) return;
  if (!route.public && !session.me) {
    location.hash = '#/login';
    return;
  }
  document.title = t('appTitle');
  renderTopbar(route.nav);
  const match = route.re.exec(path);
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.rendered;
  try {
    // What a page may do besides drawing itself goes in its context: pages never import the shell.
    await route.page.render(main, {
      match, params: currentRoute().params, session, isCurrent: () => seq === renderSeq,
      go, toast, rerender: render, afterLogin });
    // Which route the page shows now (tests and tools wait for it).
    if (seq === renderSeq) main.dataset.rendered = location.hash || '#/';
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e.status === 401) return;
    mount(main, h('div.page', h('p.error', e.status === 404 ? t('notFound') : t('errorGeneric', { m: e.message }))));
    main.dataset.rendered = location.hash || '#/';
  } finally {
    if (seq === renderSeq) main.removeAttribute('aria-busy');
  }
}

setUnauthorizedHandler((error) => {
    session.me = null;
    setCsrf(null);
    if (currentRoute().path !== '/login') {
        // "unauthorized": no session at all (a first visit, after signing out): the plain form.
        // A session the server no longer accepts has really ended: say so.
        if (error.code === 'token_expired' || error.code === 'invalid_token')
            sessionStorage.setItem('nghedan.notice', 'sessionExpired');
        location.hash = '#/login';
    }
});

async function afterLogin(csrf) {
  setCsrf(csrf);
  await loadSession();
  location.hash = '#/';
}

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('/auth/logout', { method: 'POST', body: {} }); } catch { /* ended anyway */ }
  session.me = null;
  setCsrf(null);
  location.hash = '#/login';
});
document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  render();
});
window.addEventListener('hashchange', render);
render();
