import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';

export interface StaticServer {
  server: Server;
  url: string;
}

/** Serves a built site under its base path, with the site's 404 page for unknown addresses. */
export async function startStaticServer(dir: string, { port = 0, base = '/', host = '127.0.0.1' } = {}): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const notFound = join(dir, '404.html');
  // Compressed like any real static host, so measured weights and Lighthouse see what readers get.
  const compress = compression();
  const server = createServer((req, res) => {
    compress(req as never, res as never, () => {
      const url = req.url ?? '/';
      if (!url.startsWith(base)) return send404(res);
      req.url = `/${url.slice(base.length)}`;
      files(req, res, () => send404(res));
    });
  });
  function send404(res: import('node:http').ServerResponse) {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
  }
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}${base}` };
}
