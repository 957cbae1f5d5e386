// The country list offered in the popup and options: the regions libphonenumber knows, by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCountries } from 'libphonenumber-js';
import { COUNTRY_CODES, countriesByName, countryName, isCountryCode } from '../shared/countries.js';

test('the list is exactly the regions libphonenumber-js has metadata for', () => {
  assert.deepEqual([...COUNTRY_CODES].sort(), [...getCountries()].sort());
  assert.equal(isCountryCode('DE'), true);
  assert.equal(isCountryCode('de'), false);
  assert.equal(isCountryCode('Germany'), false);
});

test('countries are named and sorted in the user\'s language', () => {
  assert.equal(countryName('DE', 'en'), 'Germany');
  assert.equal(countryName('DE', 'de'), 'Deutschland');
  const en = countriesByName('en');
  assert.equal(en.length, COUNTRY_CODES.length);
  assert.ok(en.findIndex((c) => c.code === 'AT') < en.findIndex((c) => c.code === 'DE'), 'Austria before Germany');
  const de = countriesByName('de');
  assert.ok(de.findIndex((c) => c.code === 'DE') < de.findIndex((c) => c.code === 'FR'), 'Deutschland before Frankreich');
});
