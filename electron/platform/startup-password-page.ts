// The page that asks the shared server's and Redis's passwords at start on a PC where no
// keychain works. Pure (no electron import) so the escaping and the form are testable in a
// browser. Like the start-up failure page it is a data: URL with no script: the form POSTs
// to STARTUP_PASSWORDS_URL, which the app:// handler hands to the main process (and which
// hardening lets this window navigate to, once per showing); Quit is a link it intercepts.
import { STARTUP_PASSWORD_MAX, type StartupAsk } from '../core/startup-passwords';
import { APP_ORIGIN } from './app-protocol-path';
import { escapeHtml, QUIT_URL } from './startup-failure-page';

export const STARTUP_PASSWORDS_URL = `${APP_ORIGIN}/__kroi/startup-passwords`;

interface Texts {
  lang: string;
  title: string;
  why: string;
  server: string;
  serverTarget: (a: Extract<StartupAsk, { kind: 'server' }>) => string;
  redis: string;
  redisHint: string;
  problem: string;
  next: string;
  quit: string;
}

const EN: Texts = {
  lang: 'en',
  title: 'Passwords for the shared server',
  why: 'No keychain works on this PC, so the app cannot keep these passwords safely. They are asked at every start, kept in memory only while the app runs, and never written down.',
  server: 'Database server password',
  serverTarget: (a) => `User ${a.user} on ${a.host}:${a.port}, database ${a.database}`,
  redis: 'Redis password',
  redisHint: 'Leave empty if this Redis has no password.',
  problem: 'Please check the form',
  next: 'Continue',
  quit: 'Quit',
};

const FI: Texts = {
  lang: 'fi',
  title: 'Yhteisen palvelimen salasanat',
  why: 'Tällä tietokoneella ei toimi avainnippua (keychain), joten sovellus ei voi säilyttää näitä salasanoja turvallisesti. Ne kysytään jokaisella käynnistyskerralla, pidetään vain muistissa sovelluksen ollessa käynnissä eikä niitä kirjoiteta mihinkään.',
  server: 'Tietokantapalvelimen salasana',
  serverTarget: (a) => `Käyttäjä ${a.user} palvelimella ${a.host}:${a.port}, tietokanta ${a.database}`,
  redis: 'Redis-salasana',
  redisHint: 'Jätä tyhjäksi, jos tällä Redisillä ei ole salasanaa.',
  problem: 'Tarkista lomake',
  next: 'Jatka',
  quit: 'Lopeta',
};

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:560px;margin:48px auto;padding:32px;background:#fff;border-radius:10px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 12px}p{margin:0 0 16px}
.why{background:#fff8e6;border:1px solid #f0d9a0;padding:12px;border-radius:6px}
.error{background:#fff4f4;border:1px solid #f0c2c2;padding:12px;border-radius:6px}
label{display:block;font-weight:600;margin-top:18px}.target,.hint{display:block;font-size:13px;color:#4a5360;word-break:break-word}
input{box-sizing:border-box;width:100%;margin-top:6px;padding:8px 10px;font:inherit;border:1px solid #8a94a3;border-radius:6px}
.actions{display:flex;gap:12px;align-items:center;margin-top:28px}
button,a.button{padding:8px 18px;border-radius:6px;font:inherit;text-decoration:none;border:1px solid #1b3a6b;color:#1b3a6b;background:#fff;cursor:pointer}
button{background:#1b3a6b;color:#fff}
button:focus-visible,a.button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}`;

export interface StartupPasswordPage {
  asks: StartupAsk[];
  locale: string;
  /** Why the last submission was refused (from parseStartupPasswords), shown above the form. */
  error?: string;
  /** Where the form posts: STARTUP_PASSWORDS_URL in the app; tests post to a URL they intercept. */
  action?: string;
}

/** The action is also a CSP source: only a plain absolute URL may go there. */
function checkedAction(action: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s;,'"<>`]+$/i.test(action)) throw new Error('The form action must be a plain absolute URL.');
  return action;
}

function field(opts: { name: string; label: string; note: string; required: boolean; autofocus: boolean }): string {
  const id = `pw-${opts.name}`;
  return `<label for="${id}">${escapeHtml(opts.label)}<span class="target" id="${id}-note">${escapeHtml(opts.note)}</span></label>
<input id="${id}" name="${opts.name}" type="password" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="${STARTUP_PASSWORD_MAX}" aria-describedby="${id}-note"${opts.required ? ' required' : ''}${opts.autofocus ? ' autofocus' : ''}>`;
}

/** The full HTML. Every shown value is escaped; the page runs no script. */
export function startupPasswordHtml(opts: StartupPasswordPage): string {
  const t = opts.locale.toLowerCase().startsWith('fi') ? FI : EN;
  const action = checkedAction(opts.action ?? STARTUP_PASSWORDS_URL);
  const fields = opts.asks.map((a, i) =>
    a.kind === 'server'
      ? field({ name: 'server', label: t.server, note: t.serverTarget(a), required: true, autofocus: i === 0 })
      : field({ name: 'redis', label: t.redis, note: `${a.host}:${a.port}. ${t.redisHint}`, required: false, autofocus: i === 0 }),
  );
  const error = opts.error ? `<div class="error" role="alert"><strong>${escapeHtml(t.problem)}:</strong> ${escapeHtml(opts.error.slice(0, 500))}</div>` : '';
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${escapeHtml(action)}; base-uri 'none'">
<title>${escapeHtml(t.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(t.title)}</h1>
<p class="why">${escapeHtml(t.why)}</p>${error}
<form method="post" action="${escapeHtml(action)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8" autocomplete="off">
${fields.join('\n')}
<div class="actions"><button type="submit">${escapeHtml(t.next)}</button>
<a class="button" href="${QUIT_URL}">${escapeHtml(t.quit)}</a></div></form></main></body></html>`;
}

export function startupPasswordUrl(opts: StartupPasswordPage): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startupPasswordHtml(opts))}`;
}
