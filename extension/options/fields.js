// The options form, one row per setting (same keys as shared/settings.js and managed_schema.json),
// in the group it is shown under. Adding a setting is adding a row here.
export const GROUPS = [
  ['numbers', 'optionsGroupNumbers'],
  ['pages', 'optionsGroupPages'],
  ['calling', 'optionsGroupCalling'],
  ['privacy', 'optionsGroupPrivacy'],
  ['screenPop', 'optionsGroupScreenPop'],
];

export const FIELDS = [
  { key: 'defaultCountry', kind: 'country', label: 'optDefaultCountry', group: 'numbers' },
  { key: 'dialFormat', kind: 'select', label: 'optDialFormat', group: 'numbers', choices: [['e164', 'optDialFormatE164'], ['local', 'optDialFormatLocal']] },
  { key: 'dialPrefix', kind: 'text', label: 'optDialPrefix', group: 'numbers', size: 4 },
  { key: 'detectNumbers', kind: 'checkbox', label: 'optDetectNumbers', group: 'pages' },
  { key: 'siteAllowlist', kind: 'list', label: 'optSiteAllowlist', group: 'pages' },
  { key: 'siteDenylist', kind: 'list', label: 'optSiteDenylist', group: 'pages' },
  { key: 'takeOverLinks', kind: 'checkbox', label: 'optTakeOverLinks', group: 'pages' },
  { key: 'modifierClick', kind: 'select', label: 'optModifierClick', group: 'pages', choices: [['browser', 'optModifierClickBrowser'], ['dial', 'optModifierClickDial']] },
  { key: 'pageEventOrigins', kind: 'list', label: 'optPageEventOrigins', group: 'pages' },
  { key: 'confirmBeforeDial', kind: 'checkbox', label: 'optConfirmBeforeDial', group: 'calling' },
  { key: 'warnPremiumRate', kind: 'checkbox', label: 'optWarnPremiumRate', group: 'calling' },
  { key: 'notifyIncoming', kind: 'checkbox', label: 'optNotifyIncoming', group: 'calling' },
  { key: 'recentCalls', kind: 'checkbox', label: 'optRecentCalls', group: 'privacy' },
  { key: 'screenPopUrl', kind: 'text', label: 'optScreenPopUrl', group: 'screenPop', size: 60 },
  { key: 'screenPopWhen', kind: 'select', label: 'optScreenPopWhen', group: 'screenPop', choices: [['off', 'optScreenPopWhenOff'], ['ringing', 'optScreenPopWhenRinging'], ['answered', 'optScreenPopWhenAnswered']] },
  { key: 'screenPopTab', kind: 'select', label: 'optScreenPopTab', group: 'screenPop', choices: [['focus', 'optScreenPopTabFocus'], ['new', 'optScreenPopTabNew']] },
];

/** Read a field's input back into a setting value. */
export function readField(field, input) {
  switch (field.kind) {
    case 'checkbox': return input.checked;
    case 'list': return input.value.split('\n').map((s) => s.trim().toLowerCase()).filter(Boolean);
    case 'text': return input.value.trim();
    default: return input.value;
  }
}

export function writeField(field, input, value) {
  if (field.kind === 'checkbox') input.checked = Boolean(value);
  else if (field.kind === 'list') input.value = (value ?? []).join('\n');
  else input.value = value ?? '';
}
