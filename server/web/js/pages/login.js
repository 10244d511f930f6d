import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { lang, setLang, t } from '../i18n.js';

export async function render(main, { session, afterLogin }) {
  session.me = null;
  document.getElementById('topbar').hidden = true;
  const notice = sessionStorage.getItem('nghedan.notice');
  sessionStorage.removeItem('nghedan.notice');
  const error = h('p.form-error', { role: 'alert', hidden: !notice }, notice ? t(notice) : '');
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button.primary', { type: 'submit' }, t('signIn'));
  const form = h('form.login-card', { onsubmit: async (e) => {
    e.preventDefault();
    error.hidden = true;
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      const r = await api('/auth/login', { method: 'POST', body: { username: user.value.trim(), password: pass.value, cookie: true } });
      await afterLogin(r.csrf);
    } catch (err) {
      error.textContent = err.status === 429 ? t('tooMany') : err.status === 401 ? t('badLogin') : t('errorGeneric', { m: err.message });
      error.hidden = false;
      button.disabled = false;
      button.textContent = t('signIn');
    }
  } },
    h('div.login-brand', h('span.brand-mark.big', 'ND'), h('div', h('h1', t('loginTitle')), h('p.muted', t('loginLead')))),
    error,
    h('label', { for: 'username' }, t('username')), user,
    h('label', { for: 'password' }, t('password')), pass,
    button,
    h('button.link-button.lang-switch', { type: 'button', onclick: () => { setLang(lang() === 'vi' ? 'en' : 'vi'); render(main); } }, t('switchLang')));
  mount(main, h('div.login-page', form));
}
