// Passwords that appear at the top of every breach list, plus Finnish favourites.
// Checked case-insensitively, also with trailing digits and symbols removed
// ("Salasana123!" is as weak as "salasana").

const COMMON = new Set([
  '123456', '123456789', '12345678', '1234567890', '12345', '1234567', 'password', 'password1', 'passw0rd', 'qwerty',
  'qwertyuiop', 'qwerty123', 'asdfghjkl', 'zxcvbnm', '111111', '000000', '123123', 'abc123', 'iloveyou', 'admin',
  'administrator', 'welcome', 'letmein', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'master',
  'shadow', 'superman', 'trustno1', 'starwars', 'whatever', 'freedom', 'computer', 'changeme', 'secret', 'login',
  'hello', 'charlie', 'michael', 'jennifer', 'jordan', 'hunter', 'summer', 'winter', 'spring', 'autumn',
  'default', 'guest', 'test', 'testing', 'root', 'toor', 'pass', 'access', 'mustang', 'ferrari',
  'porsche', 'corvette', 'mercedes', 'toyota', 'volvo', 'audi', 'bmw', 'volkswagen', 'skoda', 'tesla',
  'salasana', 'salainen', 'tunnussana', 'kissa', 'koira', 'suomi', 'finland', 'helsinki', 'tampere', 'turku',
  'espoo', 'vantaa', 'oulu', 'perkele', 'moikka', 'terve', 'kesa', 'kesä', 'talvi', 'kevät',
  'syksy', 'aurinko', 'rakkaus', 'ihana', 'hyvä', 'auto', 'autot', 'kroi', 'kroiauto', 'kroiautocenter',
  'autokauppa', 'myyja', 'myyjä', 'yllapito', 'ylläpito', 'kayttaja', 'käyttäjä', 'tervetuloa', 'vaihda', 'vaihdasalasana',
  'abcdef', 'abcdefg', 'abcdefgh', 'aaaaaa', 'aaaaaaaa', 'qazwsx', 'qweasd', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx',
  'passwordpassword', 'adminadmin', 'administrator1', 'welcome1', 'letmein1', 'changeme1', 'p@ssw0rd', 'p@ssword', 'pa$$word', 'q1w2e3r4',
]);

export function isCommonPassword(lowerCased: string): boolean {
  if (COMMON.has(lowerCased)) return true;
  const stem = lowerCased.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '').replace(/^[\p{N}\p{P}\p{S}\s]+/u, '');
  if (stem.length === 0) return true; // only digits and symbols
  if (COMMON.has(stem)) return true;
  // One character repeated, or a plain keyboard/number run.
  if (/^(.)\1+$/u.test(lowerCased)) return true;
  return '01234567890123456789'.includes(lowerCased) || 'abcdefghijklmnopqrstuvwxyz'.includes(lowerCased);
}
