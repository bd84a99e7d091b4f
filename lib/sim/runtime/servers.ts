/**
 * How the image servers answer an HTTP GET for a file under their document root, and the lines they log.
 * Models nginx src/http/modules/ngx_http_static_module.c + ngx_http_index_module.c (index, 301 for a directory
 * without `/`, 403 for a directory without index) with the bodies of src/http/ngx_http_special_response.c, and
 * Apache httpd 2.4's core handler with its ap_send_error_response bodies. Pure: the caller logs and times.
 */
import { resolvePath, type FileSystem } from './fs';
import { strftime } from './applets';

export interface HttpRequest { path: string; headers: Record<string, string>; from: string }
export interface HttpAnswer { status: number; body: string; headers: Record<string, string>; errorLog?: string }

const REASONS: Record<number, string> = {
  200: 'OK', 301: 'Moved Permanently', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Temporarily Unavailable',
};

/** UTF-8 length of `s` in bytes, as Content-Length and the logs count, without encoding it (a hot path). */
export function byteLength(s: string): number {
  if (s === lastLengthOf) return lastLength; // the same file served again (and again: every probe)
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes for 2 UTF-16 units
    else n += 2;
  }
  lastLengthOf = s;
  lastLength = n;
  return n;
}
let lastLengthOf = '';
let lastLength = 0;

/** A header value case-insensitively. */
export function header(h: Record<string, string>, name: string): string | undefined {
  if (name in h) return h[name];
  const lower = name.toLowerCase();
  const k = Object.keys(h).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : h[k];
}

/** RFC 7231 IMF-fixdate, as the Date and Last-Modified headers carry. */
const httpDate = (ms: number) => strftime('%a, %d %b %Y %H:%M:%S GMT', ms);

/** nginx's built-in error page (CRLF line ends; `bgcolor` on <body> before nginx 1.17.x). */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  const old = ['1.12.2', '1.14.2'].includes(version);
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body${old ? ' bgcolor="white"' : ''}>\r\n<center><h1>${title}</h1></center>\r\n`
    + `<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const MIME: Record<string, string> = {
  html: 'text/html', htm: 'text/html', shtml: 'text/html', css: 'text/css', txt: 'text/plain', js: 'application/javascript', json: 'application/json',
  xml: 'text/xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/x-icon',
};
const mimeOf = (p: string) => MIME[/\.([A-Za-z0-9]+)$/.exec(p)?.[1]?.toLowerCase() ?? ''];

function decodePath(raw: string): string {
  const q = raw.indexOf('?');
  const noQuery = (q === -1 ? raw : raw.slice(0, q)) || '/';
  if (noQuery.indexOf('%') === -1) return noQuery;
  try { return decodeURIComponent(noQuery); } catch { return noQuery; }
}

export interface NginxSite { root: string; index: string[]; version: string; failPath?: string | true; now: number; connection: number; workerPid: number; host: string }

// Answers build their headers only when read: a probe reads the status and, on a redirect, Location. They are
// classes (getters on the prototype) because nginxServe runs for every HTTP probe of every pod; they copy what they
// need from the site, which the server reuses from one request to the next.
class NginxFileAnswer implements HttpAnswer {
  readonly status = 200;
  constructor(readonly body: string, private readonly version: string, private readonly now: number, private readonly path: string, private readonly mtime: number) {}
  get headers(): Record<string, string> {
    const len = byteLength(this.body);
    return {
      Server: `nginx/${this.version}`, Date: httpDate(this.now), 'Content-Type': mimeOf(this.path) ?? 'application/octet-stream',
      'Content-Length': String(len), 'Last-Modified': httpDate(this.mtime), Connection: 'keep-alive',
      ETag: `"${Math.floor(this.mtime / 1000).toString(16)}-${len.toString(16)}"`, 'Accept-Ranges': 'bytes',
    };
  }
}

class NginxSpecialAnswer implements HttpAnswer {
  constructor(readonly status: number, readonly body: string, private readonly version: string, private readonly now: number, private readonly extra: Record<string, string>, readonly errorLog?: string) {}
  get headers(): Record<string, string> {
    return { Server: `nginx/${this.version}`, Date: httpDate(this.now), 'Content-Type': 'text/html', 'Content-Length': String(byteLength(this.body)), Connection: 'keep-alive', ...this.extra };
  }
}

function nginxErrorLog(site: NginxSite, req: HttpRequest, what: string): string {
  return `${strftime('%Y/%m/%d %H:%M:%S', site.now)} [error] ${site.workerPid}#${site.workerPid}: *${site.connection} ${what}, client: ${req.from}, server: localhost, request: "GET ${req.path} HTTP/1.1", host: "${site.host}"`;
}

function nginxSpecial(fs: FileSystem, site: NginxSite, status: number, extra: Record<string, string> = {}, errorLog?: string): HttpAnswer {
  // error_page 500 502 503 504 /50x.html serves the file with the original status when it exists.
  const page = status >= 500 ? fs.read(`${site.root}/50x.html`) : undefined;
  const body = typeof page === 'string' && !/^E[A-Z]+$/.test(page) ? page : nginxErrorPage(status, site.version);
  return new NginxSpecialAnswer(status, body, site.version, site.now, extra, errorLog);
}

function nginxFile(fs: FileSystem, site: NginxSite, p: string): HttpAnswer {
  const n = fs.stat(p)!;
  return new NginxFileAnswer(n.type === 'file' ? n.data : '', site.version, site.now, p, n.mtime);
}

const served = new WeakMap<FileSystem, { generation: number; root: string; byUri: Map<string, { full: string; index?: string }> }>();

/** nginx's answer for `req` on a default.conf-like server (root, index, error_page 500 502 503 504 /50x.html). */
export function nginxServe(fs: FileSystem, site: NginxSite, req: HttpRequest): HttpAnswer {
  const uri = decodePath(req.path.startsWith('/') ? req.path : `/${req.path}`);
  if (site.failPath === true || (site.failPath !== undefined && resolvePath('/', site.failPath) === resolvePath('/', uri))) return nginxSpecial(fs, site, 500);
  // What a URI maps to under this root, remembered until the filesystem changes (every probe asks the same).
  let cache = served.get(fs);
  if (!cache || cache.generation !== fs.generation || cache.root !== site.root) served.set(fs, cache = { generation: fs.generation, root: site.root, byUri: new Map() });
  let hit = cache.byUri.get(uri);
  if (hit === undefined) {
    if (cache.byUri.size >= 256) cache.byUri.clear();
    const full = resolvePath(site.root, `.${uri}`);
    const index = uri.endsWith('/') ? site.index.map((idx) => resolvePath(full, idx)).find((p) => fs.stat(p)?.type === 'file') : undefined;
    cache.byUri.set(uri, hit = { full, index });
  }
  const { full } = hit;
  if (uri.endsWith('/')) {
    if (hit.index) return nginxFile(fs, site, hit.index);
    if (fs.stat(full)?.type === 'dir') return nginxSpecial(fs, site, 403, {}, nginxErrorLog(site, req, `directory index of "${full}/" is forbidden`));
    return nginxSpecial(fs, site, 404, {}, nginxErrorLog(site, req, `"${resolvePath(full, site.index[0])}" is not found (2: No such file or directory)`));
  }
  const n = fs.stat(full);
  if (n?.type === 'dir') return nginxSpecial(fs, site, 301, { Location: `http://${site.host.replace(/:80$/, '')}${uri}/` });
  if (n?.type === 'file') return nginxFile(fs, site, full);
  return nginxSpecial(fs, site, 404, {}, nginxErrorLog(site, req, `open() "${full}" failed (2: No such file or directory)`));
}

/** nginx `main` log_format (docker-nginx nginx.conf): combined plus "$http_x_forwarded_for". */
export function nginxAccessLine(req: HttpRequest, status: number, bytes: number, now: number): string {
  const ua = header(req.headers, 'User-Agent') ?? '-';
  const ref = header(req.headers, 'Referer') ?? '-';
  const xff = header(req.headers, 'X-Forwarded-For') ?? '-';
  return `${req.from} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', now)}] "GET ${req.path} HTTP/1.1" ${status} ${bytes} "${ref}" "${ua}" "${xff}"`;
}

/** Apache httpd 2.4 (docroot /usr/local/apache2/htdocs, DirectoryIndex index.html). */
export function httpdServe(fs: FileSystem, root: string, req: HttpRequest, now: number, failPath?: string | true): HttpAnswer {
  const uri = decodePath(req.path.startsWith('/') ? req.path : `/${req.path}`);
  const base = { Date: httpDate(now), Server: 'Apache/2.4.65 (Unix)' };
  const error = (status: number, text: string, extra: Record<string, string> = {}): HttpAnswer => {
    const title = `${status} ${REASONS[status]}`;
    const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${REASONS[status]}</h1>\n<p>${text}</p>\n</body></html>\n`;
    return { status, body, headers: { ...base, 'Content-Length': String(byteLength(body)), 'Content-Type': 'text/html; charset=iso-8859-1', ...extra } };
  };
  if (failPath === true || (failPath !== undefined && resolvePath('/', failPath) === resolvePath('/', uri))) {
    return error(500, 'The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>\n<p>Please contact the server administrator at \n you@example.com to inform them of the time this error occurred,\n and the actions you performed just before this error.</p>\n<p>More information about this error may be available\nin the server error log.');
  }
  let full = resolvePath(root, `.${uri}`);
  let n = fs.stat(full);
  if (n?.type === 'dir' && !uri.endsWith('/')) {
    const host = header(req.headers, 'Host') ?? 'localhost';
    return error(301, `The document has moved <a href="http://${host}${uri}/">here</a>.`, { Location: `http://${host}${uri}/` });
  }
  if (n?.type === 'dir') { full = resolvePath(full, 'index.html'); n = fs.stat(full); }
  if (n?.type !== 'file') return error(404, 'The requested URL was not found on this server.');
  const mime = mimeOf(full);
  return {
    status: 200, body: n.data,
    headers: { ...base, 'Last-Modified': httpDate(n.mtime), 'Accept-Ranges': 'bytes', 'Content-Length': String(byteLength(n.data)), ...(mime ? { 'Content-Type': mime } : {}) },
  };
}

/** httpd's `common` LogFormat (the httpd image's CustomLog /proc/self/fd/1 common). */
export function commonLogLine(req: HttpRequest, status: number, bytes: number, now: number): string {
  return `${req.from} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', now)}] "GET ${req.path} HTTP/1.1" ${status} ${bytes === 0 ? '-' : bytes}`;
}

/** Reads `listen` and `root` from nginx's conf.d/*.conf (first server block), as far as the default layout goes. */
export function nginxSiteConfig(fs: FileSystem): { ports: number[]; root: string; index: string[] } {
  const names = fs.list('/etc/nginx/conf.d');
  const text = (Array.isArray(names) ? names : []).filter((n) => n.endsWith('.conf'))
    .map((n) => fs.read(`/etc/nginx/conf.d/${n}`)).filter((t) => !/^E[A-Z]+$/.test(t)).join('\n').replace(/#.*$/gm, '');
  const ports = [...text.matchAll(/^\s*listen\s+(?:[0-9.]+:)?(\d+)[^;]*;/gm)].map((m) => Number(m[1]));
  const root = /location\s+\/\s*\{[^}]*?root\s+([^;\s]+);/.exec(text)?.[1] ?? /^\s*root\s+([^;\s]+);/m.exec(text)?.[1] ?? '/usr/share/nginx/html';
  const index = /index\s+([^;]+);/.exec(text)?.[1].trim().split(/\s+/) ?? ['index.html', 'index.htm'];
  return { ports: ports.length ? [...new Set(ports)] : [80], root: resolvePath('/etc/nginx', root), index };
}
