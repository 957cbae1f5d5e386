// The options form, one row per setting (same keys as shared/settings.js and managed_schema.json).
export const FIELDS = [
  { key: 'defaultCountry', kind: 'text', label: 'optDefaultCountry', size: 4 },
  { key: 'detectNumbers', kind: 'checkbox', label: 'optDetectNumbers' },
  { key: 'siteAllowlist', kind: 'list', label: 'optSiteAllowlist' },
  { key: 'siteDenylist', kind: 'list', label: 'optSiteDenylist' },
  { key: 'takeOverLinks', kind: 'checkbox', label: 'optTakeOverLinks' },
  { key: 'modifierClick', kind: 'select', label: 'optModifierClick', choices: [['browser', 'optModifierClickBrowser'], ['dial', 'optModifierClickDial']] },
  { key: 'confirmBeforeDial', kind: 'checkbox', label: 'optConfirmBeforeDial' },
  { key: 'warnPremiumRate', kind: 'checkbox', label: 'optWarnPremiumRate' },
  { key: 'dialFormat', kind: 'select', label: 'optDialFormat', choices: [['e164', 'optDialFormatE164'], ['local', 'optDialFormatLocal']] },
  { key: 'dialPrefix', kind: 'text', label: 'optDialPrefix', size: 4 },
  { key: 'pageEventOrigins', kind: 'list', label: 'optPageEventOrigins' },
  { key: 'notifyIncoming', kind: 'checkbox', label: 'optNotifyIncoming' },
  { key: 'recentCalls', kind: 'checkbox', label: 'optRecentCalls' },
  { key: 'screenPopUrl', kind: 'text', label: 'optScreenPopUrl', size: 60 },
  { key: 'screenPopWhen', kind: 'select', label: 'optScreenPopWhen', choices: [['off', 'optScreenPopWhenOff'], ['ringing', 'optScreenPopWhenRinging'], ['answered', 'optScreenPopWhenAnswered']] },
  { key: 'screenPopTab', kind: 'select', label: 'optScreenPopTab', choices: [['focus', 'optScreenPopTabFocus'], ['new', 'optScreenPopTabNew']] },
];

/** Read a field's input back into a setting value. */
export function readField(field, input) {
  switch (field.kind) {
    case 'checkbox': return input.checked;
    case 'list': return input.value.split('\n').map((s) => s.trim().toLowerCase()).filter(Boolean);
    case 'text': return field.key === 'defaultCountry' ? input.value.trim().toUpperCase() : input.value.trim();
    default: return input.value;
  }
}

export function writeField(field, input, value) {
  if (field.kind === 'checkbox') input.checked = Boolean(value);
  else if (field.kind === 'list') input.value = (value ?? []).join('\n');
  else input.value = value ?? '';
}
