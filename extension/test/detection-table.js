// The true/false positive table for number detection in text. Each row: default country, the
// text, and exactly the targets that must be found (in order). Add a row for every report.
export const TABLE = [
  // ---- true positives ----
  { country: 'DE', text: 'Rufen Sie uns an: (030) 9018-2000', expect: ['tel:+493090182000'] },
  { country: 'DE', text: 'Zentrale +49 30 901820, mobil 0171 1234567.', expect: ['tel:+4930901820', 'tel:+491711234567'] },
  { country: 'DE', text: 'Tel. +49 (0)30 901820-0, Fax 030/901820-99', expect: ['tel:+49309018200', 'tel:+493090182099'] },
  { country: 'US', text: 'Call us at (201) 555-0123 or +1 415-555-2671.', expect: ['tel:+12015550123', 'tel:+14155552671'] },
  { country: 'US', text: 'Phone no. 201-555-0123', expect: ['tel:+12015550123'] },
  { country: 'US', text: 'tel 2015550123', expect: ['tel:+12015550123'] },
  { country: 'US', text: 'London office: +44 20 7946 0958 x12', expect: ['tel:+442079460958;ext=12'] },
  { country: 'GB', text: 'ring 020 7946 0958 or 07400 123456', expect: ['tel:+442079460958', 'tel:+447400123456'] },
  { country: 'FR', text: 'Appelez le 01 23 45 67 89', expect: ['tel:+33123456789'] },
  { country: 'US', text: 'Write to sip:alice@example.com or SIP:Bob.Smith@pbx.example.org', expect: ['sip:alice@example.com', 'sip:Bob.Smith@pbx.example.org'] },
  { country: 'US', text: 'Premium line +1 900 555 0199', expect: ['tel:+19005550199'] },
  // ---- false positives that must stay plain text ----
  { country: 'DE', text: 'Order #4815162342 on 2024-03-15', expect: [] },
  { country: 'DE', text: 'Order 4815162342 shipped', expect: [] },
  { country: 'DE', text: 'Datum: 15.03.2024, 2024-03-15 und 03/15/2024', expect: [] },
  { country: 'DE', text: 'Sprechzeiten 10:00-12:00 und 14:30–18:00 Uhr', expect: [] },
  { country: 'DE', text: 'Preis €1,299.00 oder 1.299,00 € oder EUR 4815162342', expect: [] },
  { country: 'DE', text: 'IBAN DE89 3704 0044 0532 0130 00 und DE89370400440532013000', expect: [] },
  { country: 'DE', text: 'PLZ 10115 Berlin', expect: [] },
  { country: 'DE', text: 'Kundennummer: 0301234567', expect: [] },
  { country: 'DE', text: 'Rechnung 2024001234 vom 01.02.2024', expect: [] },
  { country: 'US', text: 'ID 123456789012 and ref: 2015550123', expect: [] },
  { country: 'US', text: 'Tracking number 1Z9999W99999999999', expect: [] },
  { country: 'US', text: 'Server 192.168.100.200 runs v10.2.3.4567', expect: [] },
  { country: 'US', text: 'Copyright 1999-2024 Example Inc.', expect: [] },
  { country: 'US', text: 'ISBN 978-3-16-148410-0', expect: [] },
  { country: 'US', text: 'Total: $2,015,550.12', expect: [] },
  { country: 'US', text: 'invoice INV-2015550123', expect: [] },
  { country: 'US', text: 'user@example.com 2015550123abc', expect: [] },
];
