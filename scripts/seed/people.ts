// Made-up customers and visitors: Finnish (and some English-speaking) names from faker,
// with the e-mail, phone, IP address and browser such a person would plausibly have.
import { Faker, base, en, fi } from '@faker-js/faker';
import { Rng, WeightedTable, hashKey } from './random';
import { slugify } from './slug';

export interface Person {
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  phone: string;
}

const FI_DOMAINS = WeightedTable.of([
  ['gmail.com', 40],
  ['outlook.com', 12],
  ['hotmail.com', 9],
  ['icloud.com', 8],
  ['elisanet.fi', 6],
  ['live.fi', 4],
  ['saunalahti.fi', 4],
  ['luukku.com', 4],
  ['kolumbus.fi', 3],
  ['yahoo.com', 3],
  ['suomi24.fi', 2],
] as const);
const EN_DOMAINS = WeightedTable.of([
  ['gmail.com', 55],
  ['outlook.com', 20],
  ['icloud.com', 12],
  ['yahoo.com', 8],
  ['proton.me', 5],
] as const);

/** Finnish mobile operators' prefixes (040, 050 …) in international form. */
const MOBILE_PREFIXES = ['40', '41', '44', '45', '46', '50'] as const;

export function finnishMobile(rng: Rng): string {
  const digits = String(rng.int(1_000_000, 9_999_999));
  return `+358 ${rng.pick(MOBILE_PREFIXES)} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

// Names repeat a lot (faker has a few thousand), so their address forms are remembered.
const localParts = new Map<string, string>();

/** The part of an address a person would pick: lowercase, no accents, dots for spaces. */
function localPart(name: string): string {
  let part = localParts.get(name);
  if (part === undefined) {
    part = slugify(name).replace(/-/g, '.');
    localParts.set(name, part);
  }
  return part;
}

export function emailFor(rng: Rng, first: string, last: string, english: boolean): string {
  const f = localPart(first);
  const l = localPart(last);
  const domain = (english ? EN_DOMAINS : FI_DOMAINS).draw(rng);
  switch (rng.int(0, 5)) {
    case 0:
      return `${f}${l}@${domain}`;
    case 1:
      return `${f.charAt(0)}.${l}@${domain}`;
    case 2:
      return `${f}.${l}${rng.int(1, 99)}@${domain}`;
    case 3:
      return `${f}_${l}@${domain}`;
    default:
      return `${f}.${l}@${domain}`;
  }
}

/** Two seeded fakers (Finnish and English names) drawn in a fixed order by one pass. */
export class PeopleFactory {
  private readonly fi: Faker;
  private readonly en: Faker;

  constructor(seed: number, stream: number) {
    this.fi = new Faker({ locale: [fi, en, base] });
    this.en = new Faker({ locale: [en, base] });
    this.fi.seed(hashKey(seed, stream, 1));
    this.en.seed(hashKey(seed, stream, 2));
  }

  person(rng: Rng, english: boolean): Person {
    const f = english ? this.en : this.fi;
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    return {
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email: emailFor(rng, firstName, lastName, english),
      phone: finnishMobile(rng),
    };
  }
}

/** Address blocks of Finnish consumer ISPs (Elisa, DNA, Telia), so the IPs look local. */
const IPV4_PREFIXES = [
  '84.248', '84.249', '85.76', '85.156', '88.112', '88.113', '91.152', '91.153', '93.106', '109.204',
  '176.72', '188.238', '194.100', '213.216', '62.78', '80.220', '82.181', '87.92', '95.175', '217.30',
] as const;

export function visitorIp(rng: Rng): string {
  // DNA hands out IPv6 from 2001:14ba::/32; about one visitor in ten arrives over IPv6.
  if (rng.chance(0.1)) {
    let ip = '2001:14ba';
    for (let k = 0; k < 6; k++) ip += `:${rng.int(0, 0xffff).toString(16)}`;
    return ip;
  }
  return `${rng.pick(IPV4_PREFIXES)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Browsers of Finnish visitors, phones first. */
const USER_AGENTS = WeightedTable.of([
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 30],
  ['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 20],
  ['Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 6],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 20],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 8],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 7],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 4],
  ['Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 5],
] as const);

export function userAgent(rng: Rng): string {
  return USER_AGENTS.draw(rng);
}

function hex(n: number, len: number): string {
  return (n >>> 0).toString(16).padStart(len, '0').slice(-len);
}

/** A browser session id as the website's analytics script makes them (a UUID v4). */
export function sessionId(rng: Rng): string {
  const a = rng.u32();
  const b = rng.u32();
  const c = rng.u32();
  const d = rng.u32();
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-${hex((8 | (c >>> 30)) << 12 | (c & 0xfff), 4)}-${hex(d, 8)}${hex(c >>> 12, 4)}`;
}
