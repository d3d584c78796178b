// What a listing says about a car, in Finnish and English: equipment list, technical
// specifications, description and SEO text. Every choice comes from the car's own Rng.
import type { CarCategory, CarStatus, DriveType, FuelType, Transmission } from './enums';
import type { Rng } from './random';

export interface CarFacts {
  brand: string;
  model: string;
  name: string;
  year: number;
  ageYears: number;
  fuel: FuelType;
  transmission: Transmission;
  drive: DriveType;
  category: CarCategory;
  premium: boolean;
  /** 0 for the base trim … 1 for the top one. */
  trimLevel: number;
  cc: number | null;
  kw: number;
  co2: number;
  consumption: number;
  batteryKwh: number | null;
  rangeKm: number | null;
  mileageKm: number;
  colourFi: string;
  colourEn: string;
  metallic: boolean;
  doors: number;
  seats: number;
  registration: string | null;
  priceEur: number;
  status: CarStatus;
}

export interface Bilingual {
  fi: string;
  en: string;
}

/** "45200" → "45 200", the Finnish way of grouping thousands. */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const decimalFi = (n: number, digits = 1): string => n.toFixed(digits).replace('.', ',');
/** Lower-cases a feature name for use mid-sentence, but not a name or an acronym (Apple, LED). */
const PROPER = /^(Apple|Bluetooth|Webasto|Type|[A-Z0-9]{2,})\b/;
const lowerFirst = (s: string): string => (PROPER.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const isPlugIn = (f: FuelType): boolean => f === 'ELECTRIC' || f === 'PLUGIN_HYBRID';

/** The equipment list, in the order a Finnish listing shows it. */
function maybe(out: Bilingual[], rng: Rng, p: number, fi: string, en: string): boolean {
  const yes = rng.chance(p);
  if (yes) out.push({ fi, en });
  return yes;
}

export function drawFeatures(rng: Rng, c: CarFacts): Bilingual[] {
  const out: Bilingual[] = [];
  const modern = c.year >= 2019;
  const roomy = c.category === 'SUV' || c.category === 'ESTATE' || c.category === 'MPV';
  const t = c.trimLevel;
  const prem = c.premium ? 1 : 0;

  if (!maybe(out, rng, modern ? 0.35 + 0.3 * t + 0.2 * prem : 0.15, 'Adaptiivinen vakionopeudensäädin', 'Adaptive cruise control')) {
    maybe(out, rng, 0.9, 'Vakionopeudensäädin', 'Cruise control');
  }
  maybe(out, rng, modern ? 0.85 : 0.5, 'Peruutuskamera', 'Reversing camera');
  maybe(out, rng, 0.45 + 0.3 * prem, 'Pysäköintitutkat edessä ja takana', 'Front and rear parking sensors');
  if (c.fuel === 'ELECTRIC') {
    maybe(out, rng, 0.7, 'Lämpöpumppu', 'Heat pump');
    maybe(out, rng, 0.95, 'CCS-pikalatausvalmius', 'CCS fast charging');
  } else if (maybe(out, rng, 0.85, 'Lohkolämmitin', 'Engine block heater')) {
    maybe(out, rng, 0.65, 'Sisäpistoke', 'Interior heater socket');
  }
  if (isPlugIn(c.fuel)) {
    maybe(out, rng, 0.8, 'Esilämmitys sovelluksella', 'Remote pre-heating via app');
    maybe(out, rng, 0.9, 'Latauskaapeli (Type 2)', 'Type 2 charging cable');
  } else {
    maybe(out, rng, 0.12 + 0.2 * prem, 'Webasto-lisälämmitin', 'Webasto auxiliary heater');
  }
  if (!maybe(out, rng, 0.75, 'Automaattinen ilmastointi', 'Automatic climate control')) maybe(out, rng, 0.95, 'Ilmastointi', 'Air conditioning');
  maybe(out, rng, 0.92, 'Istuinlämmittimet', 'Heated seats');
  maybe(out, rng, 0.35 + 0.35 * t, 'Ohjauspyörän lämmitin', 'Heated steering wheel');
  maybe(out, rng, c.brand === 'Ford' ? 0.85 : c.brand === 'Volvo' ? 0.4 : 0.05, 'Tuulilasin lämmitin', 'Heated windscreen');
  maybe(out, rng, 0.55 + 0.3 * prem, 'Navigointijärjestelmä', 'Navigation system');
  maybe(out, rng, c.year >= 2017 ? 0.75 : 0.2, 'Apple CarPlay / Android Auto', 'Apple CarPlay / Android Auto');
  maybe(out, rng, 0.9, 'Bluetooth-handsfree', 'Bluetooth hands-free');
  maybe(out, rng, modern ? 0.7 : 0.3, 'LED-ajovalot', 'LED headlights');
  maybe(out, rng, c.year >= 2018 ? 0.7 : 0.3, 'Kaistavahti', 'Lane keeping assist');
  maybe(out, rng, 0.3 + 0.3 * prem, 'Kuolleen kulman varoitin', 'Blind spot monitor');
  maybe(out, rng, 0.5 + 0.3 * t, 'Avaimeton käynnistys', 'Keyless start');
  if (roomy) maybe(out, rng, 0.3 + 0.3 * prem, 'Sähkötoiminen takaluukku', 'Power tailgate');
  maybe(out, rng, c.premium ? 0.5 + 0.3 * t : 0.08 + 0.2 * t, 'Nahkaverhoilu', 'Leather upholstery');
  maybe(out, rng, c.brand === 'Tesla' ? 1 : 0.12, 'Panoraamakattoikkuna', 'Panoramic glass roof');
  const towing = roomy || c.category === 'PICKUP' || c.category === 'VAN' ? 0.5 : c.category === 'HATCHBACK' ? 0.2 : 0.05;
  maybe(out, rng, towing, 'Vetokoukku', 'Tow bar');
  maybe(out, rng, 0.8, 'Kesä- ja talvirenkaat vanteineen', 'Summer and winter tyres on rims');
  if (!maybe(out, rng, 0.7, 'Merkkiliikkeen huoltokirja', 'Full dealer service history')) maybe(out, rng, 0.6, 'Huoltokirja', 'Service book');
  maybe(out, rng, 0.7, '2 avainta', 'Two keys');
  return out;
}

const FUEL_FI: Readonly<Record<FuelType, string>> = {
  PETROL: 'Bensiini',
  DIESEL: 'Diesel',
  HYBRID: 'Hybridi (bensiini/sähkö)',
  PLUGIN_HYBRID: 'Ladattava hybridi (bensiini/sähkö)',
  ELECTRIC: 'Sähkö',
  GAS: 'Kaasu (CNG)/bensiini',
  OTHER: 'Flexifuel (E85/bensiini)',
};
const DRIVE_FI: Readonly<Record<DriveType, string>> = { FWD: 'Etuveto', RWD: 'Takaveto', AWD: 'Neliveto' };
const GEARBOX_FI: Readonly<Record<Transmission, string>> = { AUTOMATIC: 'Automaatti', MANUAL: 'Manuaali' };
const BODY_FI: Readonly<Record<CarCategory, string>> = {
  SEDAN: 'Sedan',
  HATCHBACK: 'Viistoperä',
  ESTATE: 'Farmari',
  SUV: 'Maastoauto (SUV)',
  COUPE: 'Coupé',
  CONVERTIBLE: 'Avoauto',
  MPV: 'Tila-auto',
  VAN: 'Pakettiauto',
  PICKUP: 'Avolava-auto',
};

export function consumptionText(c: Pick<CarFacts, 'fuel' | 'consumption'>): string {
  const unit = c.fuel === 'ELECTRIC' ? 'kWh' : c.fuel === 'GAS' ? 'kg' : 'l';
  return `${decimalFi(c.consumption)} ${unit}/100 km`;
}

/** Label/value rows of the specifications table. */
export function specifications(c: CarFacts): [label: string, value: string][] {
  const rows: [string, string][] = [];
  rows.push(['Moottori', c.cc === null ? (c.drive === 'AWD' ? 'Kaksi sähkömoottoria' : 'Sähkömoottori') : `${decimalFi(c.cc / 1000)} l (${c.cc} cm³)`]);
  rows.push(['Teho', `${c.kw} kW (${Math.round(c.kw * 1.35962)} hv)`]);
  rows.push(['Vaihteisto', GEARBOX_FI[c.transmission]]);
  rows.push(['Vetotapa', DRIVE_FI[c.drive]]);
  rows.push(['Käyttövoima', FUEL_FI[c.fuel]]);
  rows.push(['Kulutus (WLTP, yhdistetty)', consumptionText(c)]);
  rows.push(['CO₂-päästöt', `${c.co2} g/km`]);
  if (c.batteryKwh !== null) rows.push(['Akun kapasiteetti', `${decimalFi(c.batteryKwh, c.batteryKwh % 1 === 0 ? 0 : 1)} kWh`]);
  if (c.rangeKm !== null) rows.push([c.fuel === 'ELECTRIC' ? 'Toimintamatka (WLTP)' : 'Sähköinen toimintamatka (WLTP)', `${c.rangeKm} km`]);
  rows.push(['Mittarilukema', `${groupThousands(c.mileageKm)} km`]);
  rows.push(['Vuosimalli', String(c.year)]);
  rows.push(['Korityyppi', BODY_FI[c.category]]);
  rows.push(['Ovet / istuimet', `${c.doors} / ${c.seats}`]);
  rows.push(['Väri', c.metallic ? `${c.colourFi} (metalliväri)` : c.colourFi]);
  if (c.registration) rows.push(['Rekisterinumero', c.registration]);
  return rows;
}

function listFi(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ja ${items[items.length - 1]}`;
}
function listEn(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Listing text in both languages, paragraph for paragraph (paragraphs split by a blank line). */
export function describe(rng: Rng, c: CarFacts, features: Bilingual[]): Bilingual {
  const km = groupThousands(c.mileageKm);
  const fi: string[] = [];
  const en: string[] = [];
  const lowKm = c.mileageKm < Math.max(15_000, c.ageYears * 12_000);

  switch (rng.int(0, 2)) {
    case 0:
      fi.push(`Myynnissä siisti ja hyvin pidetty ${c.name} vuosimallia ${c.year}. Mittarissa ${km} km.`);
      en.push(`For sale: a clean, well-kept ${c.year} ${c.name} with ${km} km on the clock.`);
      break;
    case 1:
      fi.push(`${c.colourFi} ${c.name} (${c.year}) on nyt myynnissä Kroi Auto Centerissä. Ajettu ${lowKm ? 'vain ' : ''}${km} km.`);
      en.push(`This ${c.colourEn} ${c.year} ${c.name} is now on sale at Kroi Auto Center. It has covered ${lowKm ? 'only ' : ''}${km} km.`);
      break;
    default:
      fi.push(`${c.brand} ${c.model} on luotettava valinta. Tämä yksilö on vuodelta ${c.year} ja ajettu ${km} km.`);
      en.push(`The ${c.brand} ${c.model} is a dependable choice. This one is from ${c.year} and has done ${km} km.`);
  }

  switch (c.fuel) {
    case 'HYBRID':
      fi.push('Hybridivoimalinja pitää kulutuksen pienenä varsinkin kaupunkiajossa.');
      en.push('The hybrid drivetrain keeps fuel use low, especially in town.');
      break;
    case 'PLUGIN_HYBRID':
      fi.push(`Ladattava hybridi kulkee työmatkat sähköllä${c.rangeKm ? ` (noin ${c.rangeKm} km)` : ''} ja pidemmät matkat bensiinillä.`);
      en.push(`The plug-in hybrid covers the daily commute on electricity${c.rangeKm ? ` (about ${c.rangeKm} km)` : ''} and longer trips on petrol.`);
      break;
    case 'ELECTRIC':
      fi.push(`Täyssähköauto, jonka toimintamatka on jopa ${c.rangeKm ?? 400} km (WLTP). Ei polttoainekuluja eikä öljynvaihtoja.`);
      en.push(`A fully electric car with a range of up to ${c.rangeKm ?? 400} km (WLTP). No fuel bills and no oil changes.`);
      break;
    case 'DIESEL':
      fi.push(`Taloudellinen dieselmoottori (${c.kw} kW) sopii hyvin pitkille matkoille.`);
      en.push(`The economical diesel engine (${c.kw} kW) is well suited to long journeys.`);
      break;
    case 'GAS':
      fi.push('Kaasuautona ajokustannukset ovat edulliset, ja biokaasulla ajo on lähes päästötöntä.');
      en.push('Running on gas keeps costs low, and on biogas it is close to carbon-neutral.');
      break;
    case 'OTHER':
      fi.push('Flexifuel-moottori kulkee bensiinin lisäksi edullisella E85-polttoaineella.');
      en.push('The flexifuel engine runs on petrol as well as on cheaper E85.');
      break;
    default:
      fi.push(`Luotettava bensiinimoottori (${c.kw} kW) ja ${c.transmission === 'AUTOMATIC' ? 'automaattivaihteisto' : 'manuaalivaihteisto'}.`);
      en.push(`A dependable petrol engine (${c.kw} kW) with ${c.transmission === 'AUTOMATIC' ? 'an automatic' : 'a manual'} gearbox.`);
  }
  if (c.drive === 'AWD') {
    fi.push('Neliveto tuo varmuutta Suomen talviin.');
    en.push('All-wheel drive adds confidence on Finnish winter roads.');
  }

  // Three paragraphs: the car, its equipment and condition, the dealer's offer.
  const paragraphsFi = [fi.join(' ')];
  const paragraphsEn = [en.join(' ')];

  const highlights = rng.sample(features, Math.min(4, features.length));
  const condition = rng.int(0, 3);
  const equipmentFi = highlights.length > 0 ? `Varusteina mm. ${listFi(highlights.map((f) => lowerFirst(f.fi)))}. ` : '';
  const equipmentEn = highlights.length > 0 ? `Equipment includes ${listEn(highlights.map((f) => lowerFirst(f.en)))}. ` : '';
  paragraphsFi.push(equipmentFi + (CONDITION_FI[condition] as string));
  paragraphsEn.push(equipmentEn + (CONDITION_EN[condition] as string));

  paragraphsFi.push('Rahoitus onnistuu jopa ilman käsirahaa, ja vaihtoauto käy maksuna. Tervetuloa koeajolle!');
  paragraphsEn.push('Financing is available, even with no deposit, and we take trade-ins. Come in for a test drive!');
  return { fi: paragraphsFi.join('\n\n'), en: paragraphsEn.join('\n\n') };
}

const CONDITION_FI: readonly string[] = [
  'Auto on huollettu säännöllisesti, ja huoltohistoria löytyy.',
  'Juuri huollettu ja katsastettu, valmis ajoon.',
  'Tupakoimaton ja lemmikitön auto, sisätilat erittäin siistit.',
  'Yksi omistaja, kotimaassa ensirekisteröity.',
];
const CONDITION_EN: readonly string[] = [
  'The car has been serviced regularly and comes with its service history.',
  'Freshly serviced and inspected, ready to drive.',
  'Non-smoking, pet-free car with a very tidy interior.',
  'One owner, first registered in Finland.',
];

export function metaTitle(c: CarFacts): string {
  const full = `${c.name} ${c.year} | Kroi Auto Center`;
  return full.length <= 70 ? full : `${c.brand} ${c.model} ${c.year} | Kroi Auto Center`;
}

export function metaDescription(c: CarFacts): string {
  const text =
    `Käytetty ${c.name} ${c.year}, ${groupThousands(c.mileageKm)} km, ${FUEL_FI[c.fuel].toLowerCase()}, ` +
    `${GEARBOX_FI[c.transmission].toLowerCase()}. Hinta ${groupThousands(c.priceEur)} €. Rahoitus ja vaihtoauto onnistuvat.`;
  return text.length <= 160 ? text : `${text.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}

const PHOTO_ANGLES: readonly string[] = ['edestä', 'takaa', 'sivulta', 'sisätilat', 'kojelauta', 'tavaratila'];

/** Alt text of the n-th photo (0 = the front three-quarter shot every listing leads with). */
export function photoAlt(c: CarFacts, n: number): string {
  const angle = PHOTO_ANGLES[Math.min(n, PHOTO_ANGLES.length - 1)] as string;
  const base = `${c.colourFi} ${c.brand} ${c.model} ${c.year}`;
  return n < 3 ? `${base} ${angle}` : `${base}, ${angle}`;
}

