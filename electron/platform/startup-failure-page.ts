// The page shown when the core cannot start: what happened, what to do, and buttons that
// quit or retry. Pure (no electron import) so the escaping is testable. It is a data: URL
// with no script at all; its buttons are links the main process intercepts ('will-navigate').
import { APP_ORIGIN } from './app-protocol-path';

export const QUIT_URL = `${APP_ORIGIN}/__kroi/quit`;
export const RETRY_URL = `${APP_ORIGIN}/__kroi/retry`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Texts {
  lang: string;
  title: string;
  happened: string;
  todo: string;
  steps: (dataDir: string) => string[];
  retry: string;
  quit: string;
}

const EN: Texts = {
  lang: 'en',
  title: 'Kroi Dealership Desktop could not start',
  happened: 'What happened',
  todo: 'What to do',
  steps: (dataDir) => [
    'If this PC uses the dealership’s shared database server: check that the server is on and reachable from this PC, and that the connection in the settings file or the DATABASE_URL environment variable is correct.',
    `The settings file and the built-in database are in: ${dataDir}`,
    'If the built-in database is used: make sure no other copy of the app is running on this PC, then try again.',
    'If it keeps happening, contact your administrator and tell them the message above.',
  ],
  retry: 'Try again',
  quit: 'Quit',
};

const FI: Texts = {
  lang: 'fi',
  title: 'Kroi Dealership Desktop ei käynnistynyt',
  happened: 'Mitä tapahtui',
  todo: 'Mitä tehdä',
  steps: (dataDir) => [
    'Jos tämä tietokone käyttää liikkeen yhteistä tietokantapalvelinta: tarkista, että palvelin on päällä ja tavoitettavissa tältä koneelta ja että asetustiedoston tai DATABASE_URL-ympäristömuuttujan yhteystiedot ovat oikein.',
    `Asetustiedosto ja sisäänrakennettu tietokanta ovat kansiossa: ${dataDir}`,
    'Jos käytössä on sisäänrakennettu tietokanta: varmista, ettei sovellus ole jo käynnissä tällä koneella, ja yritä uudelleen.',
    'Jos ongelma toistuu, ota yhteys ylläpitäjään ja kerro yllä oleva viesti.',
  ],
  retry: 'Yritä uudelleen',
  quit: 'Lopeta',
};

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:680px;margin:48px auto;padding:32px;background:#fff;border-radius:10px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 16px}h2{font-size:16px;margin:24px 0 8px}
pre{white-space:pre-wrap;word-break:break-word;background:#fff4f4;border:1px solid #f0c2c2;padding:12px;border-radius:6px;font:13px/1.4 ui-monospace,monospace}
li{margin:6px 0}.actions{display:flex;gap:12px;margin-top:28px}
a.button{padding:8px 18px;border-radius:6px;text-decoration:none;border:1px solid #1b3a6b;color:#1b3a6b}
a.primary{background:#1b3a6b;color:#fff}a.button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}`;

/** The full HTML. `message` and `dataDir` are escaped; the page runs no script. */
export function startupFailureHtml(opts: { message: string; dataDir: string; locale: string }): string {
  const t = opts.locale.toLowerCase().startsWith('fi') ? FI : EN;
  const message = opts.message.trim().slice(0, 2000) || 'Unknown error.';
  const steps = t.steps(opts.dataDir).map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<title>${escapeHtml(t.title)}</title><style>${STYLE}</style></head>
<body><main role="alert"><h1>${escapeHtml(t.title)}</h1>
<h2>${escapeHtml(t.happened)}</h2><pre>${escapeHtml(message)}</pre>
<h2>${escapeHtml(t.todo)}</h2><ul>${steps}</ul>
<div class="actions"><a class="button primary" href="${RETRY_URL}">${escapeHtml(t.retry)}</a>
<a class="button" href="${QUIT_URL}">${escapeHtml(t.quit)}</a></div></main></body></html>`;
}

export function startupFailureUrl(opts: { message: string; dataDir: string; locale: string }): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startupFailureHtml(opts))}`;
}
