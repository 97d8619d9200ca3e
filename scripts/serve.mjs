// A small static file server for the built site, as a static host would serve it:
// correct MIME types (application/wasm for streaming compilation), gzip when the client
// accepts it (a precompressed FILE.gz next to the file when it is at least as new, with
// its Content-Length, as nginx's gzip_static does; else compressed on the fly), ETag /
// Last-Modified with 304s. Files are read in 1 MB chunks: Node's default of 64 KB holds one
// download on loopback to 150-250 MB/s, a fraction of what a static host's sendfile gives
// (a 263 MB board image: 1.0-1.7 s against 0.7-0.9 s). `/data/` is served live from the source
// tree's data/ folder, so an export dropped there shows up on reload without a rebuild.
// Every answer makes the page cross-origin isolated (COOP same-origin, COEP credentialless:
// cross-origin images still load, without cookies), so that the page can run the threaded
// build; CORP cross-origin lets isolated host pages embed the viewer. --no-isolation leaves
// the headers out (the page then runs its single-threaded builds).
//
//   node scripts/serve.mjs [--port 8080] [--site build/web/site] [--data data] [--no-isolation]
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { createGzip } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Every text type names its charset: without one a browser decodes a script or a style
// sheet in the encoding of the page that loads it (web/embed.js runs in host pages,
// which may be EUC-KR).
const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml; charset=utf-8', '.gif': 'image/gif', '.webp': 'image/webp', '.txt': 'text/plain; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8', '.webmanifest': 'application/manifest+json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.ttf', '.svg', '.txt', '.jsonl']);

function resolveInside(root, urlPath) {
  const full = path.resolve(root, '.' + urlPath);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

const kChunk = 1 << 20;

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'credentialless',
  'cross-origin-resource-policy': 'cross-origin',
};

export function startServer({ port = 8080, host = '127.0.0.1', site, data, log = false, isolation = true } = {}) {
  const siteRoot = path.resolve(site);
  const dataRoot = data ? path.resolve(data) : null;
  const server = createServer(async (req, res) => {
    let status = 200;
    try {
      const url = new URL(req.url, 'http://localhost');
      let urlPath = decodeURIComponent(url.pathname);
      if (urlPath.endsWith('/')) urlPath += 'index.html';
      const file = dataRoot && urlPath.startsWith('/data/')
        ? resolveInside(dataRoot, urlPath.slice('/data'.length))
        : resolveInside(siteRoot, urlPath);
      const stat = file && (await fs.stat(file).catch(() => null));
      if (!stat || !stat.isFile()) {
        status = 404;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const headers = {
        'content-type': MIME[ext] || 'application/octet-stream',
        'etag': etag,
        'last-modified': stat.mtime.toUTCString(),
        'cache-control': 'no-cache',
        'vary': 'accept-encoding',
        ...(isolation ? ISOLATION : {}),
      };
      // If-None-Match wins; If-Modified-Since only without it (HTTP dates are whole seconds).
      const since = req.headers['if-none-match'] ? NaN : Date.parse(req.headers['if-modified-since'] || '');
      if (req.headers['if-none-match'] === etag || Math.floor(stat.mtimeMs / 1000) * 1000 <= since) {
        status = 304;
        res.writeHead(304, headers).end();
        return;
      }
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const ready = gzip && (await fs.stat(file + '.gz').catch(() => null));
      const precompressed = ready && ready.isFile() && ready.mtimeMs >= stat.mtimeMs ? ready : null;
      if (gzip) headers['content-encoding'] = 'gzip';
      if (!gzip || precompressed) headers['content-length'] = (precompressed || stat).size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      if (precompressed) return createReadStream(file + '.gz', { highWaterMark: kChunk }).pipe(res);
      const stream = createReadStream(file, { highWaterMark: kChunk });
      (gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(res);
    } catch (error) {
      status = 500;
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error) + '\n');
    } finally {
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// Command line.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const port = Number(option('port', process.env.PORT || 8080));
  const site = option('site', path.join(root, 'build/web/site'));
  const data = option('data', path.join(root, 'data'));
  const host = option('host', '0.0.0.0');
  startServer({ port, host, site, data, log: args.includes('--log'), isolation: !args.includes('--no-isolation') }).then(
    () => console.log(`[serve] newsroom viewer at http://localhost:${port}/  (site ${site}, live data ${data})`),
    (error) => { console.error(`[serve] cannot listen on port ${port}: ${error.message}`); process.exit(1); });
}
