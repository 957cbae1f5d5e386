// Serves generated pages from memory on 127.0.0.1 (random free port).
import http from 'node:http';

export async function servePages(pages) {
  const server = http.createServer((req, res) => {
    const html = pages[new URL(req.url, 'http://x').pathname.slice(1)];
    if (html === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
