// Group Policy templates (ADMX + en-US ADML) for the extension's managed settings, generated from
// managed_schema.json so they cannot drift: one policy per schema key and browser, writing the
// browser's "3rdparty" registry location for the given extension id, which the browser hands to
// the extension as storage.managed. Types: boolean (DWORD 1/0), string (text), string enum
// (drop-down), integer (decimal), array of strings (a list: values named 1, 2, 3 ...). Any other
// type stops the generator, so a new kind of key is never silently left out.

/** The browsers whose 3rdparty policy Windows reads from the registry. */
export const BROWSERS = [
  { id: 'Chrome', title: 'Google Chrome', key: (id) => `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}\\policy`, family: 'chromium' },
  { id: 'Edge', title: 'Microsoft Edge', key: (id) => `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${id}\\policy`, family: 'chromium' },
];

const xml = (text) => String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

function kindOf(name, spec) {
  if (spec.type === 'boolean') return 'boolean';
  if (spec.type === 'integer') return 'integer';
  if (spec.type === 'string') return Array.isArray(spec.enum) ? 'enum' : 'text';
  if (spec.type === 'array' && spec.items?.type === 'string') return 'list';
  throw new Error(`managed_schema.json: key ${name} has a type the ADMX generator does not know (${JSON.stringify(spec)}); teach scripts/enterprise/admx.mjs`);
}

/**
 * @param {object} schema managed_schema.json
 * @param {{chromium: string}} ids the extension id the policies are for
 * @returns {{admx: string, adml: string, keys: Record<string, string[]>}}
 */
export function admx(schema, ids) {
  const policies = [];
  const strings = new Map([
    ['Click2Call', 'Click2Call'],
    ['SUPPORTED_C2C', 'Click2Call extension (managed storage, Chrome 116+, Edge 116+)'],
  ]);
  const presentations = [];
  const categories = ['    <category name="Click2Call" displayName="$(string.Click2Call)"/>'];
  const keys = {};
  for (const browser of BROWSERS) {
    const category = `Click2Call_${browser.id}`;
    strings.set(category, `Click2Call in ${browser.title}`);
    categories.push(`    <category name="${category}" displayName="$(string.${category})"><parentCategory ref="Click2Call"/></category>`);
    const key = browser.key(ids[browser.family]);
    keys[browser.id] = [];
    for (const [name, spec] of Object.entries(schema.properties)) {
      const kind = kindOf(name, spec);
      const policy = `${browser.id}_${name}`;
      keys[browser.id].push(name);
      strings.set(policy, spec.title ?? name);
      strings.set(`${policy}_Explain`, `${spec.description ?? ''}\n\nSets "${name}" in the Click2Call extension's managed storage (${browser.title}, extension ${ids[browser.family]}). A value set here is locked in the extension's options page.`);
      const head = `    <policy name="${policy}" class="Machine" displayName="$(string.${policy})" explainText="$(string.${policy}_Explain)" key="${xml(key)}"`;
      const tail = `      <parentCategory ref="${category}"/>\n      <supportedOn ref="SUPPORTED_C2C"/>`;
      if (kind === 'boolean') {
        policies.push(`${head} valueName="${name}">\n${tail}\n      <enabledValue><decimal value="1"/></enabledValue>\n      <disabledValue><decimal value="0"/></disabledValue>\n    </policy>`);
        continue;
      }
      let element;
      let control;
      if (kind === 'text') {
        element = `<text id="${name}" valueName="${name}" required="true"/>`;
        control = `<textBox refId="${name}"><label>${xml(spec.title ?? name)}</label></textBox>`;
      } else if (kind === 'integer') {
        element = `<decimal id="${name}" valueName="${name}" required="true"/>`;
        control = `<decimalTextBox refId="${name}">${xml(spec.title ?? name)}</decimalTextBox>`;
      } else if (kind === 'enum') {
        const items = spec.enum.map((value) => {
          strings.set(`${policy}_${value}`, value);
          return `<item displayName="$(string.${policy}_${value})"><value><string>${xml(value)}</string></value></item>`;
        }).join('');
        element = `<enum id="${name}" valueName="${name}" required="true">${items}</enum>`;
        control = `<dropdownList refId="${name}" noSort="true">${xml(spec.title ?? name)}</dropdownList>`;
      } else {
        element = `<list id="${name}" key="${xml(`${key}\\${name}`)}" valuePrefix=""/>`;
        control = `<listBox refId="${name}">${xml(spec.title ?? name)}</listBox>`;
      }
      policies.push(`${head} presentation="$(presentation.${policy})">\n${tail}\n      <elements>${element}</elements>\n    </policy>`);
      presentations.push(`      <presentation id="${policy}">${control}</presentation>`);
    }
  }
  const admxText = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from extension/managed_schema.json by extension/scripts/enterprise/admx.mjs: do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="click2call" namespace="Click2Call.Policies.Click2Call"/>
    <using prefix="windows" namespace="Microsoft.Policies.Windows"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_C2C" displayName="$(string.SUPPORTED_C2C)"/>
    </definitions>
  </supportedOn>
  <categories>
${categories.join('\n')}
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
  const admlText = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from extension/managed_schema.json by extension/scripts/enterprise/admx.mjs: do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Click2Call</displayName>
  <description>Managed settings of the Click2Call browser extension</description>
  <resources>
    <stringTable>
${[...strings].map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
  return { admx: admxText, adml: admlText, keys };
}
