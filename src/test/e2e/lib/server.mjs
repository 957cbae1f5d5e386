// Serves the fixture pages on 127.0.0.1 with a random free port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './paths.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

export async function startServer() {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname) || 'index.html';
    const file = path.join(fixturesDir, name);
    if (!file.startsWith(fixturesDir) || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    /** Another origin for the same pages (localhost vs 127.0.0.1). */
    otherOriginUrl: (name) => `http://localhost:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
