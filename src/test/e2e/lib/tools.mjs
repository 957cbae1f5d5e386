// Programs the suite needs from apt. CI installs them, so a missing one is a failure, not a skip.
import fs from 'node:fs';
import path from 'node:path';

export function requireTool(name, aptPackage) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // keep looking
    }
  }
  throw new Error(`${name} is not installed: apt-get install ${aptPackage} (.ci/run installs it)`);
}
