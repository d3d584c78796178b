// What customers write and what salespeople log: contact-form messages in Finnish and
// English (test drives, financing, trade-ins), staff summaries of calls and visits,
// internal notes and the activity timeline's descriptions.
import type { SeedContext } from './context';
import type { LeadEvent, LeadPlan } from './lead-plan';
import { LOST_REASONS, leadId, noteId } from './lead-plan';
import type { Person } from './people';
import type { Rng } from './random';
import { groupThousands } from './car-text';

const TRADE_INS = [
  '2012 Volkswagen Golf', '2014 Toyota Avensis', '2010 Ford Focus', '2015 Skoda Octavia', '2013 Volvo V70',
  '2016 Nissan Qashqai', '2011 Opel Astra', '2013 Kia Ceed', '2017 Toyota Auris', '2014 Volvo V40',
] as const;
const DAYS_FI = ['lauantaina', 'huomenna', 'ensi viikolla', 'torstaina iltapäivällä', 'maanantaina töiden jälkeen'] as const;
const DAYS_EN = ['on Saturday', 'tomorrow', 'next week', 'on Thursday afternoon', 'on Monday after work'] as const;

function tradeIn(rng: Rng): { car: string; km: string } {
  return { car: rng.pick(TRADE_INS), km: groupThousands(rng.int(90, 320) * 1000) };
}

const SPAM = [
  { subject: 'SEO for your dealership', message: 'Hello! We get dealership websites to the top of Google. See https://rank-fast.example and www.rank-fast.example/audit for a FREE audit!' },
  { subject: 'Yhteistyöehdotus', message: 'Hei, tarjoamme hakukoneoptimointia ja somemarkkinointia autoliikkeille. Kysy lisää, ensimmäinen kuukausi veloituksetta!' },
  { subject: 'Business listing', message: 'Congratulations! Your business has been selected for a premium listing. Claim it within 24 hours: http://listing-claim.example/kroi' },
  { subject: 'Reviews', message: 'Buy 1000 five-star reviews for only 49 USD.\nFast delivery, 100% safe.' },
] as const;

/** Sentences joined by spaces, except after a greeting that ends its own line. */
const joinSentences = (parts: string[]): string => parts.join(' ').replace(/\n /g, '\n');

function formMessageFi(rng: Rng, plan: LeadPlan, car: string | null, person: Person): string {
  const parts: string[] = [rng.pick(['Hei!', 'Moi!', 'Hyvää päivää!', 'Terve!', 'Hei,\n'])];
  parts.push(
    car
      ? rng.pick([`Olen kiinnostunut autosta ${car}.`, `Onko ${car} vielä myynnissä?`, `Näin ilmoituksenne autosta ${car}.`])
      : rng.pick(['Etsin perheelle tilavaa ja taloudellista autoa.', 'Etsin käytettyä autoa noin 20 000 euron hintaluokasta.', 'Kiinnostaisi hybridi- tai sähköauto.']),
  );
  if (plan.intents.testDrive) {
    parts.push(car ? `Pääsisikö autoa koeajamaan ${rng.pick(DAYS_FI)}?` : 'Haluaisin tulla koeajolle johonkin sopivaan autoon.');
  }
  if (plan.intents.financing) {
    parts.push(rng.pick(['Millaisia rahoitusvaihtoehtoja teillä on?', `Kiinnostaisi rahoitus ilman käsirahaa, noin ${rng.pick([36, 48, 60, 72])} kk laina-aika.`, 'Mikä olisi kuukausierä rahoituksella?']));
  }
  if (plan.intents.tradeIn) {
    const t = tradeIn(rng);
    parts.push(rng.pick([`Minulla olisi vaihtoautona ${t.car}, ajettu ${t.km} km. Paljonko siitä voisi saada hyvitystä?`, `Käykö vaihtoauto maksuna? Minulla on ${t.car}.`]));
  }
  if (plan.intents.detailed) {
    parts.push(
      rng.pick([
        'Auto tulisi pääasiassa työmatkakäyttöön, noin 60 km päivässä.',
        'Meillä on kaksi lasta ja koira, joten tavaratilan pitäisi olla riittävän iso.',
        'Onko autossa kahdet renkaat, ja onko jakohihna vaihdettu?',
        'Onko autolle tehty määräaikaishuollot merkkiliikkeessä?',
      ]),
    );
  }
  parts.push(rng.pick(['Kiitos!', `Ystävällisin terveisin\n${person.name}`, 'Soittakaa mieluiten iltapäivällä.', 'Kiitos jo etukäteen vastauksesta.']));
  return joinSentences(parts);
}

function formMessageEn(rng: Rng, plan: LeadPlan, car: string | null, person: Person): string {
  const parts: string[] = [rng.pick(['Hi!', 'Hello!', 'Good afternoon!', 'Hello,\n'])];
  parts.push(
    car
      ? rng.pick([`I'm interested in the ${car}.`, `Is the ${car} still available?`, `I saw your listing for the ${car}.`])
      : rng.pick(["I'm looking for a reliable family car.", "I'm looking for a used car around 20,000 euros.", "I'd like a hybrid or an electric car."]),
  );
  if (plan.intents.testDrive) parts.push(car ? `Could I come for a test drive ${rng.pick(DAYS_EN)}?` : "I'd like to book a test drive.");
  if (plan.intents.financing) parts.push(rng.pick(['What financing options do you offer?', 'Is financing possible with no deposit?', 'What would the monthly payment be with financing?']));
  if (plan.intents.tradeIn) {
    const t = tradeIn(rng);
    parts.push(`I have a ${t.car} (${t.km} km) as a trade-in. What could you offer for it?`);
  }
  if (plan.intents.detailed) parts.push(rng.pick(["I've just moved to Finland, so I'd need help with the registration.", 'Does it come with winter tyres?']));
  parts.push(rng.pick(['Thanks!', `Best regards,\n${person.name}`, 'Thank you in advance.']));
  return joinSentences(parts);
}

/** A salesperson's summary of a call, visit or referral (always in Finnish). */
function staffSummary(rng: Rng, plan: LeadPlan, car: string | null): string {
  const opening: Record<string, string> = {
    PHONE: car ? `Soitti ja kysyi autosta ${car}.` : 'Soitti ja kysyi sopivaa autoa perheelle.',
    WALK_IN: car ? `Kävi liikkeessä katsomassa autoa ${car}.` : 'Kävi liikkeessä katselemassa vaihtoehtoja.',
    REFERRAL: `Aiemman asiakkaan suosittelema. ${car ? `Kiinnostunut autosta ${car}.` : 'Etsii käytettyä autoa.'}`,
    OTHER: `${rng.pick(['Yhteydenotto Instagramin kautta.', 'Tavattiin autonäyttelyssä.', 'Yhteydenotto Facebook-viestinä.'])} ${car ? `Kysyi autoa ${car}.` : ''}`.trim(),
  };
  const parts = [opening[plan.source] ?? 'Yhteydenotto.'];
  if (plan.intents.testDrive) parts.push('Haluaa koeajolle.');
  if (plan.intents.financing) parts.push('Kiinnostunut rahoituksesta.');
  if (plan.intents.tradeIn) {
    const t = tradeIn(rng);
    parts.push(`Vaihtoautona ${t.car}, ${t.km} km.`);
  }
  if (plan.intents.detailed) parts.push('Toivoo tarjousta sähköpostilla.');
  return parts.join(' ');
}

export function leadMessage(rng: Rng, plan: LeadPlan, car: string | null, person: Person): { subject: string; message: string } {
  if (plan.intents.spam) {
    const s = rng.pick(SPAM);
    return { subject: s.subject, message: s.message };
  }
  const written = plan.source === 'WEBSITE' || plan.source === 'MARKETPLACE' || plan.source === 'EMAIL';
  if (!written) {
    const subject = { PHONE: 'Puhelinsoitto', WALK_IN: 'Käynti liikkeessä', REFERRAL: 'Suosittelu' }[plan.source as string] ?? 'Muu yhteydenotto';
    return { subject, message: staffSummary(rng, plan, car) };
  }
  const message = plan.english ? formMessageEn(rng, plan, car, person) : formMessageFi(rng, plan, car, person);
  const i = plan.intents;
  const subject = plan.english
    ? i.testDrive ? `Test drive${car ? `: ${car}` : ''}` : i.financing ? 'Financing question' : i.tradeIn ? 'Trade-in' : car ? `Question about the ${car}` : 'Enquiry'
    : i.testDrive ? `Koeajo${car ? `: ${car}` : ''}` : i.financing ? 'Rahoituskysely' : i.tradeIn ? 'Vaihtoauto' : car ? `Kysymys: ${car}` : 'Yhteydenotto';
  return { subject: plan.source === 'MARKETPLACE' ? `Nettiauto – ${subject}` : subject, message };
}

const NOTES = [
  'Asiakas toivoo yhteydenottoa iltapäivisin.',
  'Rahoitushakemus lähetetty, odotetaan päätöstä.',
  'Asiakas vertailee myös toisen liikkeen autoa.',
  'Tarjous lähetetty sähköpostilla.',
  'Ei vastannut puhelimeen, yritetään uudelleen huomenna.',
  'Asiakas haluaa talvirenkaat kauppaan mukaan.',
  'Kysyi mahdollisuutta kotiinkuljetukseen.',
] as const;

export function noteText(rng: Rng, plan: LeadPlan): string {
  switch (rng.int(0, 9)) {
    case 0: {
      const t = tradeIn(rng);
      return `Vaihtoauto: ${t.car}, ${t.km} km. Arvioitu hyvitys ${groupThousands(rng.int(15, 90) * 100)} €.`;
    }
    case 1:
      return `Koeajo sovittu ${rng.pick(DAYS_FI)} klo ${rng.int(10, 17)}.`;
    case 2:
      // Notes are typed in a textarea; some are lists over several lines.
      return `Puhelu:\n- ${plan.intents.financing ? 'kiinnostunut rahoituksesta' : 'maksaa käteisellä'}\n- ${plan.intents.tradeIn ? 'vaihtoauto mukana' : 'ei vaihtoautoa'}`;
    default:
      return rng.pick(NOTES);
  }
}

const OUTCOMES = ['answered', 'answered', 'answered', 'no_answer', 'voicemail'] as const;

export interface ActivityText {
  description: string;
  metadata: Record<string, string | number | boolean | null> | null;
}

export function activityText(rng: Rng, ctx: SeedContext, plan: LeadPlan, e: LeadEvent, car: { id: string; name: string } | null): ActivityText {
  switch (e.type) {
    case 'ASSIGNMENT':
      return {
        description: `Liidi osoitettu myyjälle ${plan.assignee?.name ?? ''}`.trim(),
        metadata: { assignedToId: plan.assignee?.id ?? null, method: e.user ? 'manual' : 'roundRobin' },
      };
    case 'CALL': {
      const outcome = rng.pick(OUTCOMES);
      return {
        description: outcome === 'answered' ? `Puhelu asiakkaalle${car ? `: ${car.name}` : ''}` : 'Soitettu, ei vastausta',
        metadata: { outcome, durationSec: outcome === 'answered' ? rng.int(60, 900) : 0 },
      };
    }
    case 'EMAIL':
      return {
        description: rng.pick(['Sähköposti lähetetty: kiitos yhteydenotosta', 'Tarjous lähetetty sähköpostilla', 'Lähetetty lisätietoja ja kuvia autosta']),
        metadata: { direction: 'outbound' },
      };
    case 'MEETING':
      return {
        description: plan.status === 'WON' && e === plan.events.filter((x) => x.type === 'MEETING').pop() ? 'Kaupat tehty liikkeessä' : 'Tapaaminen liikkeessä',
        metadata: { location: 'Kroi Auto Center, Helsinki' },
      };
    case 'TEST_DRIVE':
      return { description: `Koeajo${car ? `: ${car.name}` : ''}`, metadata: { carId: car?.id ?? null, durationMin: rng.pick([20, 30, 45, 60]) } };
    case 'NOTE':
      return { description: 'Muistiinpano lisätty', metadata: { noteId: noteId(ctx, plan.index, e.note ?? 0) } };
    case 'STATUS_CHANGE':
      return {
        description: `Tila muutettu: ${e.from} → ${e.to}`,
        metadata: { from: e.from ?? null, to: e.to ?? null, ...(e.to === 'LOST' && plan.lostReason !== null ? { reason: LOST_REASONS[plan.lostReason] ?? null } : {}) },
      };
    case 'MERGE':
      return {
        description: 'Yhdistetty aiempaan yhteydenottoon (sama asiakas)',
        metadata: { mergedIntoId: plan.duplicateOf !== null ? leadId(ctx, plan.duplicateOf) : null },
      };
    default:
      return { description: 'Muu tapahtuma', metadata: null };
  }
}
