import { nginxErrorPage } from '@/lib/sim/runtime/servers';
import { boot } from './boot';

const probe = { 'User-Agent': 'kube-probe/1.34', Accept: '*/*', Connection: 'close' };

describe('nginx', () => {
  test('refuses connections until start-up (tens of ms), then serves its document root', () => {
    const { clock, p } = boot('nginx:1.12-alpine');
    expect(p.httpGet(80, '/')).toEqual({ error: 'connection refused', durationMs: 0 });
    expect(p.listening(80)).toBe(false);
    clock.advance(100);
    expect(p.listening(80)).toBe(true);
    const r = p.httpGet(80, '/', probe);
    expect(r).toMatchObject({ status: 200, headers: { Server: 'nginx/1.12.2', 'Content-Type': 'text/html', 'Content-Length': '612' } });
    expect('body' in r && r.body).toContain('<h1>Welcome to nginx!</h1>');
  });

  test("the notes' liveness-http page: postStart writes healthz, `rm` makes the next probe a 404", () => {
    const { clock, p } = boot('nginx:1.12-alpine');
    expect(p.exec(['/bin/sh', '-c', ' echo Healthy > /usr/share/nginx/html/healthz']).exitCode).toBe(0);
    clock.advance(100);
    expect(p.httpGet(80, '/healthz', probe)).toMatchObject({ status: 200, body: 'Healthy\n', headers: { 'Content-Type': 'application/octet-stream' } });
    expect(p.exec(['rm', '/usr/share/nginx/html/healthz']).exitCode).toBe(0);
    expect(p.httpGet(80, '/healthz', probe)).toMatchObject({ status: 404, body: nginxErrorPage(404, '1.12.2') });
    expect(p.logs()).toBe([
      '10.244.1.1 - - [01/Sep/2025:09:00:00 +0000] "GET /healthz HTTP/1.1" 200 8 "-" "kube-probe/1.34" "-"',
      '2025/09/01 09:00:00 [error] 8#8: *2 open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), client: 10.244.1.1, server: localhost, request: "GET /healthz HTTP/1.1", host: "10.244.1.5:80"',
      '10.244.1.1 - - [01/Sep/2025:09:00:00 +0000] "GET /healthz HTTP/1.1" 404 169 "-" "kube-probe/1.34" "-"',
      '',
    ].join('\n'));
  });

  test("404 bodies are nginx's special_response pages: CRLF lines, bgcolor before 1.17", () => {
    expect(nginxErrorPage(404, '1.12.2')).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body bgcolor="white">\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.12.2</center>\r\n</body>\r\n</html>\r\n');
    expect(nginxErrorPage(404, '1.29.1')).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.1</center>\r\n</body>\r\n</html>\r\n');
  });

  test('a directory redirects to its slash form; one without index.html is forbidden', () => {
    const { clock, p } = boot('nginx');
    clock.advance(100);
    p.exec(['mkdir', '/usr/share/nginx/html/app']);
    expect(p.httpGet(80, '/app')).toMatchObject({ status: 301, headers: { Location: 'http://10.244.1.5/app/' } });
    expect(p.httpGet(80, '/app/')).toMatchObject({ status: 403 });
    p.exec(['sh', '-c', 'echo app > /usr/share/nginx/html/app/index.html']);
    expect(p.httpGet(80, '/app/?x=1')).toMatchObject({ status: 200, body: 'app\n' });
  });

  test('the modern image logs the docker-entrypoint lines and nginx notices, with the 1.29 default page', () => {
    const { clock, p } = boot('nginx');
    clock.advance(100);
    const lines = p.logs().split('\n');
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines.slice(9).map((l) => l.replace(/^\S+ \S+ /, ''))).toEqual([
      '[notice] 1#1: using the "epoll" event method', '[notice] 1#1: nginx/1.29.1', '[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
      '[notice] 1#1: OS: Linux 6.8.0-79-generic', '[notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576', '[notice] 1#1: start worker processes',
      '[notice] 1#1: start worker process 29', '[notice] 1#1: start worker process 30', '',
    ]);
    const r = p.httpGet(80, '/');
    expect('body' in r && r.body).toContain('html { color-scheme: light dark; }');
  });

  test('`nginx -s reload` reconfigures: a new listen port in default.conf takes effect', () => {
    const { clock, p } = boot('nginx');
    clock.advance(100);
    p.exec(['sh', '-c', "sed_free=1; printf 'server {\\n    listen 8080;\\n    location / { root /usr/share/nginx/html; }\\n}\\n' > /etc/nginx/conf.d/default.conf"]);
    expect(p.exec(['nginx', '-s', 'reload']).exitCode).toBe(0);
    expect(p.listening(8080)).toBe(true);
    expect(p.listening(80)).toBe(false);
    expect(p.logs()).toContain('[notice] 1#1: signal 1 (SIGHUP) received from 32, reconfiguring\n');
  });

  test('`nginx -s quit` from inside ends PID 1 (the container exits 0); a second nginx cannot bind', () => {
    const { clock, p, exits } = boot('nginx:1.12-alpine');
    clock.advance(100);
    const second = p.exec(['nginx', '-g', 'daemon off;']);
    expect(second).toMatchObject({ exitCode: 1, durationMs: 2000 });
    expect(second.stderr.split('\n').slice(-2)).toEqual(['nginx: [emerg] still could not bind()', '']);
    p.exec(['nginx', '-s', 'quit']);
    clock.advance(100);
    expect(exits).toMatchObject([{ code: 0, reason: 'Completed' }]);
  });

  test('`command: [nginx]` without `daemon off;` forks to the background and PID 1 exits 0 (a restart loop)', () => {
    const { clock, exits } = boot('nginx', { command: ['nginx'] });
    clock.advance(100);
    expect(exits).toMatchObject([{ code: 0, reason: 'Completed' }]);
  });

  test('fail-health answers 500 with the 50x.html page on that path; recover undoes it; slow delays answers', () => {
    const { clock, p } = boot('nginx');
    clock.advance(100);
    p.exec(['touch', '/usr/share/nginx/html/healthz']);
    p.fault?.({ kind: 'fail-health', path: '/healthz' });
    const r = p.httpGet(80, '/healthz');
    expect(r).toMatchObject({ status: 500 });
    expect('body' in r && r.body).toContain('<h1>An error occurred.</h1>');
    expect(p.httpGet(80, '/')).toMatchObject({ status: 200 });
    p.fault?.({ kind: 'slow', delayMs: 3000 });
    expect(p.httpGet(80, '/')).toMatchObject({ status: 200, durationMs: 3000 });
    p.fault?.({ kind: 'recover' });
    expect(p.httpGet(80, '/healthz')).toMatchObject({ status: 200, durationMs: 1 });
  });
});

describe('other servers', () => {
  test('httpd serves "It works!" and logs in the common format after its AH00558 warnings', () => {
    const { clock, p } = boot('httpd', {}, { podIP: '10.244.2.7' });
    clock.advance(200);
    expect(p.httpGet(80, '/', probe)).toMatchObject({ status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' });
    expect(p.httpGet(80, '/missing')).toMatchObject({ status: 404 });
    const lines = p.logs().split('\n');
    expect(lines[0]).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.2.7. Set the 'ServerName' directive globally to suppress this message");
    expect(lines[2]).toMatch(/^\[Mon Sep 01 09:00:00\.\d{6} 2025\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.65 \(Unix\) configured -- resuming normal operations$/);
    expect(lines[4]).toBe('10.244.2.1 - - [01/Sep/2025:09:00:00 +0000] "GET / HTTP/1.1" 200 45');
  });

  test('ikubernetes/myapp answers with its version and a hostname page holding the pod name', () => {
    const { clock, p } = boot('ikubernetes/myapp:v2');
    clock.advance(100);
    expect(p.httpGet(80, '/')).toMatchObject({ status: 200, body: 'Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n' });
    expect(p.httpGet(80, '/hostname.html')).toMatchObject({ status: 200, body: 'demo\n' });
  });

  test('redis listens on 6379 for TCP; an HTTP request gets EOF and a security warning in the log', () => {
    const { clock, p } = boot('redis');
    clock.advance(100);
    expect(p.listening(6379)).toBe(true);
    expect(p.httpGet(6379, '/')).toEqual({ error: 'EOF', durationMs: 1 });
    expect(p.logs()).toContain('# Possible SECURITY ATTACK detected.');
    expect(p.exec(['redis-cli', 'set', 'k', 'v']).stdout).toBe('OK\n');
    expect(p.exec(['redis-cli', 'get', 'k']).stdout).toBe('v\n');
    expect(p.exec(['redis-cli', 'ping']).stdout).toBe('PONG\n');
  });
});

describe('network tools inside the container', () => {
  test('busybox wget and nc talk to this pod; wget prints busybox errors', () => {
    const { clock, p } = boot('nginx:1.12-alpine');
    expect(p.exec(['wget', '-qO-', 'http://localhost/'])).toMatchObject({ stderr: "wget: can't connect to remote host (127.0.0.1): Connection refused\n", exitCode: 1 });
    expect(p.exec(['nc', '-z', 'localhost', '80']).exitCode).toBe(1);
    clock.advance(100);
    expect(p.exec(['nc', '-z', 'localhost', '80']).exitCode).toBe(0);
    expect(p.exec(['wget', '-q', '-O', '-', 'http://localhost:80/50x.html']).stdout).toContain('An error occurred.');
    expect(p.exec(['wget', '-qO-', 'http://localhost/nope'])).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
    expect(p.exec(['wget', '-qO-', 'http://elsewhere/'])).toMatchObject({ stderr: "wget: bad address 'elsewhere'\n", exitCode: 1 });
    expect(p.exec(['wget', 'http://localhost/'])).toMatchObject({ exitCode: 0 });
    expect(p.exec(['cat', 'index.html']).stdout).toContain('Welcome to nginx!');
    expect(p.logs()).toContain('127.0.0.1 - - [01/Sep/2025:09:00:00 +0000] "GET /50x.html HTTP/1.1" 200 537 "-" "Wget" "-"\n');
  });

  test('curl in the nginx image: body, -f, connection refused', () => {
    const { clock, p } = boot('nginx');
    expect(p.exec(['curl', '-s', 'localhost'])).toMatchObject({ stdout: '', exitCode: 7 });
    expect(p.exec(['curl', 'localhost'])).toMatchObject({ stderr: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n" });
    clock.advance(100);
    expect(p.exec(['curl', '-s', 'localhost']).stdout).toContain('Welcome to nginx!');
    expect(p.exec(['curl', '-sf', 'localhost/nope'])).toMatchObject({ stdout: '', exitCode: 22 });
  });

  test('a network hook reaches other pods', () => {
    const { p } = boot('busybox', { command: ['sleep', '3600'] }, {
      network: { httpGet: (host, port, path) => (host === 'web' ? { status: 200, body: `hi from ${host}:${port}${path}\n`, durationMs: 1 } : undefined) },
    });
    expect(p.exec(['wget', '-qO-', 'http://web/x']).stdout).toBe('hi from web:80/x\n');
  });
});
