// The browser's own error text when a native port fails, mapped to what the user can do.
// The original text is always kept and shown next to the fix.
export function classifyHostError(text) {
  const message = String(text ?? '');
  if (/Specified native messaging host not found|No such native application/i.test(message)) {
    return { code: 'not_installed', fixKey: 'hostFixNotInstalled' };
  }
  if (/forbidden|does not have permission to use native manifest/i.test(message)) {
    return { code: 'forbidden', fixKey: 'hostFixForbidden' };
  }
  if (/Native host has exited/i.test(message)) {
    return { code: 'exited', fixKey: 'hostFixExited' };
  }
  if (/Failed to start native messaging host|does not exist, or is not executable/i.test(message)) {
    return { code: 'failed_start', fixKey: 'hostFixFailedStart' };
  }
  return { code: 'error', fixKey: 'hostFixOther' };
}
