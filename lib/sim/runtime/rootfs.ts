/**
 * What is inside each catalog image: its OCI config (Entrypoint, Cmd, Env, WorkingDir, StopSignal — the fields of
 * opencontainers/image-spec config.md), which userland it ships (busybox, Alpine = busybox + musl, Debian =
 * dash + coreutils, distroless = no shell) and its files. The texts reproduce the upstream images: nginx's
 * docs/html and the docker-nginx conf.d/default.conf, httpd's htdocs/index.html, ikubernetes/myapp's pages.
 */
import type { FsNode } from './fs';
import type { ImageInfo } from './images';

export type Userland = 'busybox' | 'alpine' | 'debian' | 'distroless';

export interface ImageConfig {
  Entrypoint: string[];
  Cmd: string[];
  Env: string[];
  WorkingDir: string;
  /** containerd sends the image's STOPSIGNAL when the kubelet stops a container (docker-nginx ≥1.19: SIGQUIT; httpd: SIGWINCH). */
  StopSignal: 'SIGTERM' | 'SIGQUIT' | 'SIGWINCH';
}

export interface ImageProfile {
  userland: Userland;
  config: ImageConfig;
  /** Version of the image's main program (nginx 1.29.1, busybox 1.37.0, httpd 2.4.65…). */
  version: string;
  /** The busybox version of a busybox or Alpine userland. */
  busybox?: string;
  /** Alpine release (`3.22.1`) or Debian codename (`bookworm`) of the base image. */
  os?: string;
  /** nginx images built from docker-nginx ≥1.19: /docker-entrypoint.sh lines and `notice`-level error_log on stdout. */
  modernNginx?: boolean;
  /** `curl` is installed (nginx images). */
  curl?: boolean;
}

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const nginxVersions: Record<string, string> = { latest: '1.29.1', alpine: '1.29.1', '1.27': '1.27.5', '1.25': '1.25.5', '1.14.2': '1.14.2', '1.12-alpine': '1.12.2' };

/** The profile of a catalog image. Pure. */
export function imageProfile(image: ImageInfo): ImageProfile {
  const repo = image.repository.replace(/^docker\.io\/(library\/)?/, '');
  const tag = image.tag;
  const cfg = (c: Partial<ImageConfig>): ImageConfig => ({ Entrypoint: [], Cmd: [], Env: [DEFAULT_PATH], WorkingDir: '/', StopSignal: 'SIGTERM', ...c });
  switch (repo) {
    case 'busybox': {
      const version = ({ '1.28': '1.28.4', '1.36': '1.36.1' } as Record<string, string>)[tag] ?? '1.37.0';
      return { userland: 'busybox', version, busybox: version, config: cfg({ Cmd: ['sh'] }) };
    }
    case 'alpine': {
      const version = ({ '3.20': '3.20.7', '3.19': '3.19.8' } as Record<string, string>)[tag] ?? '3.22.1';
      return { userland: 'alpine', version, os: version, busybox: version.startsWith('3.22') ? '1.37.0' : '1.36.1', config: cfg({ Cmd: ['/bin/sh'] }) };
    }
    case 'nginx': {
      const version = nginxVersions[tag] ?? '1.29.1';
      const modern = !['1.14.2', '1.12.2'].includes(version);
      const alpine = tag.includes('alpine');
      return {
        userland: alpine ? 'alpine' : 'debian', version, busybox: alpine ? (modern ? '1.37.0' : '1.27.2') : undefined, modernNginx: modern, curl: modern,
        os: alpine ? (modern ? '3.22.1' : '3.7.0') : version === '1.14.2' ? 'stretch' : 'bookworm',
        config: cfg({
          Entrypoint: modern ? ['/docker-entrypoint.sh'] : [], Cmd: ['nginx', '-g', 'daemon off;'],
          Env: [DEFAULT_PATH, `NGINX_VERSION=${version}`, ...(modern ? [`PKG_RELEASE=${alpine ? '1' : '1~bookworm'}`] : [])],
          StopSignal: modern ? 'SIGQUIT' : 'SIGTERM',
        }),
      };
    }
    case 'ikubernetes/myapp': // FROM nginx:1.12.2-alpine
      return { userland: 'alpine', version: '1.12.2', busybox: '1.27.2', os: '3.7.0', config: cfg({ Cmd: ['nginx', '-g', 'daemon off;'], Env: [DEFAULT_PATH, 'NGINX_VERSION=1.12.2'] }) };
    case 'httpd':
      return {
        userland: tag === 'alpine' ? 'alpine' : 'debian', version: '2.4.65', busybox: tag === 'alpine' ? '1.37.0' : undefined, os: tag === 'alpine' ? '3.22.1' : 'bookworm',
        config: cfg({
          Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH',
          Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65'],
        }),
      };
    case 'redis': {
      const version = tag === '7' ? '7.4.5' : '8.2.1';
      return {
        userland: tag === 'alpine' ? 'alpine' : 'debian', version, busybox: tag === 'alpine' ? '1.37.0' : undefined, os: tag === 'alpine' ? '3.22.1' : 'bookworm',
        config: cfg({ Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], WorkingDir: '/data', Env: [DEFAULT_PATH, `REDIS_VERSION=${version}`] }),
      };
    }
    case 'ikubernetes/stress-ng':
      return { userland: 'alpine', version: '0.09.25', busybox: '1.27.2', os: '3.7.0', config: cfg({ Entrypoint: ['/usr/bin/stress-ng'] }) };
    default: // control-plane and coredns images are distroless: the binary and nothing else
      return { userland: 'distroless', version: tag, config: cfg({ Entrypoint: image.entrypoint }) };
  }
}

/** What the kubelet mounts into every container: /etc/hosts, /etc/hostname, /etc/resolv.conf. */
export interface PodFiles { podName: string; podIP?: string; namespace?: string }

const BUSYBOX_APPLETS = ['sh', 'ash', 'busybox', 'cat', 'chmod', 'cp', 'date', 'echo', 'env', 'false', 'free', 'grep', 'head', 'hostname',
  'id', 'kill', 'ls', 'mkdir', 'mv', 'nc', 'printenv', 'printf', 'ps', 'pwd', 'rm', 'rmdir', 'sleep', 'tail', 'test', '[', 'top', 'touch',
  'true', 'uname', 'wc', 'wget', 'whoami'];
const COREUTILS = ['cat', 'chmod', 'cp', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mv', 'printenv',
  'printf', 'pwd', 'rm', 'rmdir', 'sleep', 'tail', 'test', '[', 'touch', 'true', 'uname', 'wc', 'whoami'];

/** nginx's docs/html/index.html: the pre-1.21 layout, then the compact one with `color-scheme`. */
function nginxIndex(modern: boolean): string {
  const style = modern
    ? 'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n'
    : '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }\n';
  return `<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\n${style}</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n`
    + '<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n'
    + '<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\n'
    + 'Commercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';
}

/** nginx's docs/html/50x.html: before 1.19 with a link to the error_log docs (537 bytes), now compact (497 bytes). */
function nginx50x(modern: boolean): string {
  const style = modern
    ? 'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n'
    : '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }\n';
  return `<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n<style>\n${style}</style>\n</head>\n<body>\n<h1>An error occurred.</h1>\n`
    + '<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n'
    + `<p>If you are the system administrator of this resource then you should check\nthe ${modern ? 'error log' : '<a href="http://nginx.org/r/error_log">error log</a>'} for details.</p>\n`
    + '<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n';
}

/** The nginx package's conf.d/default.conf; docker-nginx's 10-listen-on-ipv6-by-default.sh adds the `[::]:80` line at start-up. */
function nginxDefaultConf(modern: boolean): string {
  const head = modern
    ? 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    #access_log  /var/log/nginx/host.access.log  main;\n'
    : 'server {\n    listen       80;\n    server_name  localhost;\n\n    #charset koi8-r;\n    #access_log  /var/log/nginx/host.access.log  main;\n';
  return `${head}
    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`;
}

/** docker-nginx's nginx.conf (the `main` log format is what the access lines use). */
function nginxConf(modern: boolean): string {
  return `\nuser  nginx;\nworker_processes  ${modern ? 'auto' : '1'};\n\nerror_log  /var/log/nginx/error.log ${modern ? 'notice' : 'warn'};\npid        /var/run/nginx.pid;\n\n\n`
    + 'events {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n'
    + '    log_format  main  \'$remote_addr - $remote_user [$time_local] "$request" \'\n                      \'$status $body_bytes_sent "$http_referer" \'\n'
    + '                      \'"$http_user_agent" "$http_x_forwarded_for"\';\n\n    access_log  /var/log/nginx/access.log  main;\n\n'
    + '    sendfile        on;\n    #tcp_nopush     on;\n\n    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n';
}

function osRelease(p: ImageProfile): string | undefined {
  if (p.userland === 'debian') {
    const [n, name] = p.os === 'stretch' ? ['9', 'stretch'] : ['12', 'bookworm'];
    return `PRETTY_NAME="Debian GNU/Linux ${n} (${name})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${n}"\nVERSION="${n} (${name})"\n`
      + `VERSION_CODENAME=${name}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
  }
  if (p.userland !== 'alpine') return undefined;
  const v = p.os ?? '3.22.1';
  const modern = v !== '3.7.0';
  return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${v}\nPRETTY_NAME="Alpine Linux v${v.split('.').slice(0, 2).join('.')}"\n`
    + (modern ? 'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n'
      : 'HOME_URL="http://alpinelinux.org"\nBUG_REPORT_URL="http://bugs.alpinelinux.org"\n');
}

/**
 * The image's files as a fresh container sees them, with the kubelet-managed /etc files for this pod.
 * Executables carry `program`: the simulated binary that runs when they are executed.
 */
export function imageFiles(image: ImageInfo, profile: ImageProfile, pod: PodFiles, mtime: number): Map<string, FsNode> {
  const m = new Map<string, FsNode>();
  const dir = (p: string, mode = 0o755) => {
    for (let d = p; d && !m.has(d); d = d.lastIndexOf('/') <= 0 ? (d === '/' ? '' : '/') : d.slice(0, d.lastIndexOf('/'))) m.set(d, { type: 'dir', mode: d === '/tmp' ? 0o1777 : mode, mtime });
  };
  const file = (p: string, data: string, mode = 0o644, program?: string) => {
    dir(p.slice(0, p.lastIndexOf('/')) || '/');
    m.set(p, { type: 'file', data, mode, mtime, program });
  };
  const exe = (p: string, program: string) => file(p, '', 0o755, program);
  dir('/');
  dir('/var/run');
  const u = profile.userland;
  const repo = image.repository.replace(/^docker\.io\/(library\/)?/, '');
  if (u === 'busybox') {
    for (const d of ['/dev', '/etc', '/home', '/lib', '/proc', '/root', '/sys', '/tmp', '/usr/sbin', '/var/spool/mail', '/var/www']) dir(d);
    for (const a of BUSYBOX_APPLETS) exe(`/bin/${a}`, a === 'ash' ? 'sh' : a);
  } else if (u === 'alpine') {
    for (const d of ['/dev', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys', '/tmp', '/usr/lib', '/usr/local/bin', '/var/log']) dir(d);
    const usrBin = new Set(['env', 'free', 'head', 'id', 'nc', 'printenv', 'printf', 'tail', 'test', '[', 'top', 'wc', 'wget', 'whoami']);
    for (const a of BUSYBOX_APPLETS) exe(`${usrBin.has(a) ? '/usr/bin' : '/bin'}/${a}`, a === 'ash' ? 'sh' : a);
    file('/etc/alpine-release', `${profile.os}\n`);
  } else if (u === 'debian') {
    for (const d of ['/boot', '/dev', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys', '/tmp', '/usr/local/bin', '/var/log']) dir(d);
    for (const a of COREUTILS) exe(`/usr/bin/${a}`, a);
    // Merged /usr: /bin and /sbin are symlinks into /usr (the shell lookup follows them); the shells are here too.
    for (const d of ['/bin', '/usr/bin']) for (const shell of ['sh', 'dash', 'bash']) exe(`${d}/${shell}`, 'sh');
    dir('/sbin');
  } else {
    for (const d of ['/dev', '/etc', '/proc', '/sys', '/tmp', '/var']) dir(d);
  }
  const release = osRelease(profile);
  if (release) file('/etc/os-release', release);
  if (u !== 'distroless') {
    file('/etc/passwd', u === 'debian'
      ? 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'
      : 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
    file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nnogroup:x:65534:\n');
  }

  // Per-image programs and content.
  const isNginx = repo === 'nginx' || repo === 'ikubernetes/myapp';
  if (isNginx) {
    const modern = !!profile.modernNginx;
    exe('/usr/sbin/nginx', 'nginx');
    if (profile.curl) exe('/usr/bin/curl', 'curl');
    if (modern) {
      exe('/docker-entrypoint.sh', 'docker-entrypoint');
      for (const s of ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh']) {
        file(`/docker-entrypoint.d/${s}`, '#!/bin/sh\n', 0o755);
      }
    }
    file('/etc/nginx/nginx.conf', nginxConf(modern));
    file('/etc/nginx/conf.d/default.conf', nginxDefaultConf(modern));
    dir('/var/cache/nginx');
    dir('/var/log/nginx');
    const html = '/usr/share/nginx/html';
    file(`${html}/50x.html`, nginx50x(modern));
    if (repo === 'ikubernetes/myapp') {
      // ikubernetes/myapp: the page links hostname.html, which holds the pod's hostname.
      file(`${html}/index.html`, `Hello MyApp | Version: ${image.tag} | <a href="hostname.html">Pod Name</a>\n`);
      file(`${html}/hostname.html`, `${pod.podName}\n`);
    } else {
      file(`${html}/index.html`, nginxIndex(modern));
    }
  } else if (repo === 'httpd') {
    exe('/usr/local/bin/httpd-foreground', 'httpd-foreground');
    exe('/usr/local/apache2/bin/httpd', 'httpd');
    // httpd's docs/docroot/index.html
    file('/usr/local/apache2/htdocs/index.html', '<html><body><h1>It works!</h1></body></html>\n');
    dir('/usr/local/apache2/conf');
    dir('/usr/local/apache2/logs');
  } else if (repo === 'redis') {
    exe('/usr/local/bin/docker-entrypoint.sh', 'redis-entrypoint');
    exe('/usr/local/bin/redis-server', 'redis-server');
    exe('/usr/local/bin/redis-cli', 'redis-cli');
    dir('/data');
  } else if (repo === 'ikubernetes/stress-ng') {
    exe('/usr/bin/stress-ng', 'stress-ng');
  } else if (u === 'distroless') {
    const bin = image.entrypoint[0] ?? '/app';
    exe(bin.startsWith('/') ? bin : `/usr/local/bin/${bin}`, 'component');
  }

  // kubelet-managed files (pkg/kubelet/kubelet_pods.go ensureHostsFile / managedHostsFileContent).
  file('/etc/hostname', `${pod.podName}\n`);
  file('/etc/hosts', '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n'
    + `fe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.podIP ? `${pod.podIP}\t${pod.podName}\n` : ''}`);
  const ns = pod.namespace ?? 'default';
  file('/etc/resolv.conf', `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
  file('/dev/termination-log', '', 0o666);
  return m;
}
