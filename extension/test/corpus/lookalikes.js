// Generated look-alikes for the detection corpus: digit strings that are not phone numbers,
// each in the words a real page puts around it. Deterministic (seeded). None may become a link.
import { seeded } from './numbers.js';

const pad = (n, width) => String(n).padStart(width, '0');

function luhnComplete(rng, prefix, length) {
  let body = prefix + rng.digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

function isbn13(rng) {
  const body = `978${rng.int(2)}${rng.digits(8)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  const d = body + ((10 - (sum % 10)) % 10);
  return `${d.slice(0, 3)}-${d[3]}-${d.slice(4, 6)}-${d.slice(6, 12)}-${d[12]}`;
}

function issn(rng) {
  for (;;) {
    const body = rng.digits(7);
    let sum = 0;
    for (let i = 0; i < 7; i += 1) sum += Number(body[i]) * (8 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${body.slice(0, 4)}-${body.slice(4)}${check}`;
  }
}

function iban(rng, country, length) {
  // Check digits by ISO 7064 mod 97-10 over the BBAN + country + "00".
  const bban = rng.digits(length - 4);
  const numeric = `${bban}${[...country].map((c) => c.charCodeAt(0) - 55).join('')}00`;
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  const full = `${country}${pad(98 - rest, 2)}${bban}`;
  return rng.int(2) ? full : full.replace(/(.{4})/g, '$1 ').trim();
}

// Each maker: (rng) => [text, the look-alike inside it]. The text is what a page would show.
const MAKERS = {
  date: (r) => {
    const y = 1990 + r.int(40); const m = pad(1 + r.int(12), 2); const d = pad(1 + r.int(28), 2);
    const x = r.pick([`${y}-${m}-${d}`, `${d}.${m}.${y}`, `${m}/${d}/${y}`, `${d}/${m}/${y}`, `${d}-${m}-${y}`, `${y}/${m}/${d}`]);
    return [r.pick([`Updated ${x}`, `Datum: ${x}`, `${x}`, `Delivered on ${x} at the depot`, `Posted ${x} by admin`]), x];
  },
  datetime: (r) => {
    const x = `${2000 + r.int(30)}-${pad(1 + r.int(12), 2)}-${pad(1 + r.int(28), 2)} ${pad(r.int(24), 2)}:${pad(r.int(60), 2)}`;
    return [`Last login ${x} from Berlin`, x];
  },
  time: (r) => {
    const x = `${pad(6 + r.int(4), 2)}:${pad(r.int(4) * 15, 2)}–${pad(12 + r.int(8), 2)}:${pad(r.int(4) * 15, 2)}`;
    return [r.pick([`Open ${x}`, `Sprechzeiten Mo–Fr ${x} Uhr`, `Horaires ${x}`]), x];
  },
  yearRange: (r) => {
    const a = 1950 + r.int(60);
    const x = `${a}-${a + 1 + r.int(30)}`;
    return [r.pick([`© ${x} Example GmbH`, `Mayor ${x}`, `Season ${x}`]), x];
  },
  prefixedId: (r) => {
    const x = `${r.pick(['SO', 'INV', 'PO', 'ORD', 'RMA', 'CASE', 'TCK', 'REQ', 'AB', 'RE'])}-${2015 + r.int(12)}-${r.digits(5 + r.int(2))}`;
    return [r.pick([`${x}`, `See ${x} for details`, `Status of ${x}: shipped`, `Beleg ${x} gebucht`]), x];
  },
  orderId: (r) => {
    const x = r.pick([r.digits(10), `${r.digits(3)}-${r.digits(7)}-${r.digits(7)}`, `${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`]);
    return [r.pick([`Order #${x}`, `Bestellnummer: ${x}`, `Invoice no. ${x}`, `Commande n° ${x}`, `Pedido ${x}`, `Customer ID ${x}`]), x];
  },
  iban: (r) => {
    const x = iban(r, ...r.pick([['DE', 22], ['GB', 22], ['FR', 27], ['NL', 18], ['ES', 24], ['IT', 27], ['AT', 20], ['CH', 21]]));
    return [r.pick([`IBAN ${x}`, `Konto: ${x}`, `Bank: ${x} (Sparkasse)`, `${x}`]), x];
  },
  card: (r) => {
    const d = luhnComplete(r, r.pick(['4', '51', '37', '6011']), 16);
    const x = r.pick([d, d.replace(/(.{4})/g, '$1 ').trim(), d.replace(/(.{4})(?!$)/g, '$1-')]);
    return [r.pick([`Card ${x}`, `Visa ${x} exp 12/27`, `${x}`]), x];
  },
  isbn: (r) => {
    const x = isbn13(r);
    return [r.pick([`ISBN ${x}`, `${x} (paperback)`, `${x}`]), x];
  },
  issn: (r) => {
    const x = issn(r);
    return [r.pick([`ISSN ${x}`, `Journal of Things, ${x}`, `${x}`]), x];
  },
  ip: (r) => {
    const x = r.pick([`10.${r.int(256)}.${r.int(256)}.${r.int(256)}`, `192.168.${r.int(256)}.${r.int(256)}`, `${1 + r.int(223)}.${r.int(256)}.${r.int(256)}.${r.int(256)}`]);
    return [r.pick([`Server ${x}`, `ping ${x} failed`, `${x}:${1024 + r.int(60000)}`, `${x}`, `IP-Adresse ${x}`]), x];
  },
  version: (r) => {
    const x = r.pick([`${r.int(20)}.${r.int(20)}.${r.int(200)}.${r.digits(4)}`, `${10 + r.int(5)}.0.${r.digits(5)}.${r.digits(4)}`, `${r.int(9)}.${r.digits(2)}.${r.digits(3)}`]);
    return [r.pick([`Version ${x}`, `v${x}`, `Build ${x}`, `Chrome ${x}`, `release ${x} is out`]), x];
  },
  build: (r) => {
    const x = r.pick([`${2019 + r.int(8)}${pad(1 + r.int(12), 2)}${pad(1 + r.int(28), 2)}.${r.digits(4)}`, `${r.digits(5)}.${r.digits(4)}`, `${r.digits(8)}`]);
    return [r.pick([`Build ${x}`, `build ${x} passed`, `Windows build ${x}`]), x];
  },
  coordinates: (r) => {
    const x = `${r.int(90)}.${r.digits(6)}, ${r.int(180)}.${r.digits(6)}`;
    return [r.pick([`GPS ${x}`, `Lat/Lon: ${x}`, `${x}`]), x];
  },
  price: (r) => {
    const x = r.pick([`$${r.int(9) + 1},${r.digits(3)},${r.digits(3)}.${r.digits(2)}`, `${r.int(900) + 100}.${r.digits(3)},${r.digits(2)} €`, `EUR ${r.digits(7)}`, `₹${r.int(9) + 1},${r.digits(2)},${r.digits(3)}`, `R$ ${r.int(900) + 100}.${r.digits(3)},${r.digits(2)}`, `£${r.digits(3)},${r.digits(3)}.${r.digits(2)}`]);
    return [r.pick([`Total: ${x}`, `Preis ${x}`, `${x} incl. VAT`, `Only ${x}!`]), x];
  },
  postcode: (r) => {
    const x = r.pick([`${r.digits(5)} Berlin`, `${r.digits(5)}-${r.digits(3)}`, `${r.digits(5)}-${r.digits(4)}`, `${r.int(9) + 1}${r.digits(5)}`, `${pad(r.int(96), 2)} ${r.digits(3)}`]);
    return [r.pick([`Address: Main St 5, ${x}`, `PLZ ${x}`, `CEP ${x}`, `ZIP ${x}`, `PIN code ${x}`]), x];
  },
  tracking: (r) => {
    const x = r.pick([`1Z${r.digits(3)}AA${r.digits(10)}`, `${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`, `JJD${r.digits(18)}`, `${r.digits(12)}`, `00${r.digits(18)}`]);
    return [r.pick([`Tracking number ${x}`, `Sendungsnummer: ${x}`, `Track: ${x}`, `Your parcel ${x} is on its way`]), x];
  },
  passcode: (r) => {
    const x = r.pick([`${r.digits(3)} ${r.digits(4)} ${r.digits(4)}`, `${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`, `${r.digits(6)}`, `${r.digits(4)} ${r.digits(4)}#`, `0${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`]);
    return [r.pick([`Meeting ID: ${x}`, `Passcode: ${x}`, `Conference PIN ${x}`, `Access code ${x}`, `Webinar-ID ${x}`]), x];
  },
  ssn: (r) => {
    const x = `${pad(1 + r.int(899), 3)}-${pad(1 + r.int(98), 2)}-${r.digits(4)}`;
    return [r.pick([`SSN ${x}`, `${x}`, `Social security ${x}`]), x];
  },
  arxiv: (r) => {
    const x = `${pad(10 + r.int(15), 2)}${pad(1 + r.int(12), 2)}.${r.digits(5)}`;
    return [r.pick([`arXiv:${x}`, `arXiv:${x}v${1 + r.int(3)}`, `see arXiv ${x}`]), x];
  },
  ports: (r) => {
    const a = 1024 + r.int(60000);
    const x = `${a}-${a + 1 + r.int(1000)}`;
    return [r.pick([`Ports ${x}`, `RTP range ${x}/udp`, `open ${x} on the firewall`]), x];
  },
  taxId: (r) => {
    const x = r.pick([`${r.digits(2)}/${r.digits(3)}/${r.digits(5)}`, `DE${r.digits(9)}`, `${r.digits(3)}.${r.digits(3)}.${r.digits(3)}-${r.digits(2)}`, `${r.digits(2)}.${r.digits(3)}.${r.digits(3)}/0001-${r.digits(2)}`, `${r.digits(4)} ${r.digits(4)} ${r.digits(4)}`]);
    return [r.pick([`Steuernummer ${x}`, `USt-IdNr. ${x}`, `CPF ${x}`, `CNPJ ${x}`, `Aadhaar ${x}`]), x];
  },
  quantity: (r) => {
    const x = r.pick([`${r.int(9) + 1} ${r.digits(3)} ${r.digits(3)}`, `${r.int(9) + 1}.${r.digits(3)}.${r.digits(3)}`, `${r.int(9) + 1},${r.digits(3)},${r.digits(3)}`]);
    return [r.pick([`${x} inhabitants`, `Population: ${x}`, `${x} km²`, `${x} downloads`]), x];
  },
  sortCode: (r) => {
    const x = `${r.digits(2)}-${r.digits(2)}-${r.digits(2)} ${r.digits(8)}`;
    return [`Sort code and account ${x}`, x];
  },
  pageRange: (r) => {
    const a = r.int(900);
    const x = `${a}–${a + r.int(40)}, ${r.digits(4)}`;
    return [`J. Phys. 12, pp. ${x}`, x];
  },
};

export const LOOKALIKE_KINDS = Object.keys(MAKERS);

/** @returns {{kind:string, text:string, value:string}[]} */
export function generateLookalikes({ seed = 1414, perKind = 45 } = {}) {
  const rng = seeded(seed);
  const out = [];
  const seen = new Set();
  for (const kind of LOOKALIKE_KINDS) {
    for (let i = 0; i < perKind; i += 1) {
      const [text, value] = MAKERS[kind](rng);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ kind, text, value });
    }
  }
  return out;
}
