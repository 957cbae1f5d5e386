// Screen-pop URL templates (`https://crm.example.com/search?phone={e164}`): the check made when
// a template is saved (options page, policy). No dependencies, so the options page and the
// popup can load it without the phone-number library. Filling a template: screen-pop-url.js.
export const PLACEHOLDERS = ['e164', 'national', 'digits', 'sip'];
export const MAX_TEMPLATE = 2048;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
export const SENTINEL = 'c2cplaceholder'; // letters only: the URL parser leaves it alone anywhere

const problem = (key, subs = []) => ({ key, subs });
export const sentinelFor = (name) => `${SENTINEL}${name}`;

/** null when the template is usable, else {key, subs}: a message naming the problem. */
export function templateProblem(template) {
  if (typeof template !== 'string' || !template.trim()) return problem('screenPopErrEmpty');
  if (template.length > MAX_TEMPLATE) return problem('screenPopErrTooLong', [String(MAX_TEMPLATE)]);
  if (/[\s\p{Cc}\p{Cf}]/u.test(template)) return problem('screenPopErrSpaces');
  if (template.toLowerCase().includes(SENTINEL)) return problem('screenPopErrNotUrl');
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const unknown = names.find((n) => !PLACEHOLDERS.includes(n));
  if (unknown !== undefined) return problem('screenPopErrUnknownPlaceholder', [`{${unknown}}`]);
  if (/[{}]/.test(template.replace(/\{(e164|national|digits|sip)\}/g, ''))) return problem('screenPopErrBraces');
  if (names.length === 0) return problem('screenPopErrNoPlaceholder');
  let url;
  try {
    url = new URL(withSentinels(template));
  } catch {
    return problem('screenPopErrNotUrl');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return problem('screenPopErrScheme', [url.protocol]);
  }
  if (url.username || url.password) return problem('screenPopErrCredentials');
  if (url.host.includes(SENTINEL)) return problem('screenPopErrPlaceholderInHost');
  return null;
}

/** The template with each placeholder replaced by a sentinel the URL parser leaves alone. */
export function withSentinels(template) {
  return template.replace(/\{(e164|national|digits|sip)\}/g, (_, n) => sentinelFor(n));
}

/** The placeholders a template uses, in order, without repeats. */
export function placeholdersIn(template) {
  return [...new Set([...String(template).matchAll(/\{(e164|national|digits|sip)\}/g)].map((m) => m[1]))];
}
