import { createFileSystem, createVolume, resolvePath } from '@/lib/sim/runtime/fs';
import { lookupImage } from '@/lib/sim/runtime/images';
import { PROGRAMS } from '@/lib/sim/runtime/programs';
import { imageFiles, imageProfile } from '@/lib/sim/runtime/rootfs';

const IMAGES = ['busybox', 'busybox:1.28', 'alpine', 'nginx', 'nginx:1.25', 'nginx:alpine', 'nginx:1.12-alpine', 'nginx:1.14.2', 'httpd', 'httpd:alpine', 'redis', 'redis:alpine',
  'ikubernetes/myapp:v1', 'ikubernetes/stress-ng', 'registry.k8s.io/etcd:3.6.4-0', 'registry.k8s.io/coredns/coredns:v1.12.1'];

function files(image: string) {
  const info = lookupImage(image)!;
  const nodes = imageFiles(info, imageProfile(info), { podName: 'web-1', podIP: '10.244.1.9', namespace: 'dev' }, 0);
  return { nodes, read: (p: string) => { const n = nodes.get(p); return n?.type === 'file' ? n.data : undefined; } };
}

describe('image filesystems', () => {
  test.each(IMAGES)('every executable in %s is a program the runtime implements', (image) => {
    for (const [path, n] of files(image).nodes) {
      if (n.type === 'file' && n.program) expect([path, n.program in PROGRAMS]).toEqual([path, true]);
    }
  });

  test('nginx ships its default pages: 615/497 bytes since 1.21, 612/537 in the 1.12 and 1.14 images', () => {
    const size = (image: string, f: string) => new TextEncoder().encode(files(image).read(`/usr/share/nginx/html/${f}`)).length;
    expect([size('nginx', 'index.html'), size('nginx', '50x.html')]).toEqual([615, 497]);
    expect([size('nginx:1.12-alpine', 'index.html'), size('nginx:1.12-alpine', '50x.html')]).toEqual([612, 537]);
    expect(files('nginx').read('/etc/nginx/conf.d/default.conf')).toMatch(/^server {\n    listen       80;\n    listen  \[::\]:80;\n    server_name  localhost;\n/);
  });

  test('httpd and myapp pages; the kubelet-managed files carry the pod', () => {
    expect(files('httpd').read('/usr/local/apache2/htdocs/index.html')).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(files('ikubernetes/myapp:v1').read('/usr/share/nginx/html/index.html')).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
    expect(files('ikubernetes/myapp:v1').read('/usr/share/nginx/html/hostname.html')).toBe('web-1\n');
    const bb = files('busybox');
    expect(bb.read('/etc/hostname')).toBe('web-1\n');
    expect(bb.read('/etc/resolv.conf')).toBe('search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(bb.read('/etc/os-release')).toBeUndefined(); // the busybox image has none
    expect(files('alpine').read('/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.22"\n');
    expect(files('nginx').read('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
  });

  test('images declare their OCI config: nginx ≥1.19 stops on SIGQUIT, httpd on SIGWINCH', () => {
    const cfg = (image: string) => imageProfile(lookupImage(image)!).config;
    expect(cfg('nginx')).toMatchObject({ Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT' });
    expect(cfg('nginx:1.12-alpine')).toMatchObject({ Entrypoint: [], StopSignal: 'SIGTERM' });
    expect(cfg('httpd')).toMatchObject({ Cmd: ['httpd-foreground'], StopSignal: 'SIGWINCH', WorkingDir: '/usr/local/apache2' });
    expect(cfg('busybox')).toMatchObject({ Entrypoint: [], Cmd: ['sh'] });
  });
});

describe('the container filesystem', () => {
  const fresh = () => createFileSystem(files('busybox').nodes, () => 0);

  test('paths normalise; directories list sorted; writes need an existing parent', () => {
    expect(resolvePath('/a/b', '../c/./d')).toBe('/a/c/d');
    const fs = fresh();
    expect(fs.write('/nope/x', '')).toBe('ENOENT');
    expect(fs.mkdir('/a/b/c', true)).toBeUndefined();
    expect(fs.write('/a/b/c/f', 'x')).toBeUndefined();
    expect(fs.list('/a/b')).toEqual(['c']);
    expect(fs.remove('/a', false)).toBe('ENOTEMPTY');
    expect(fs.remove('/a', true)).toBeUndefined();
    expect(fs.stat('/a/b/c/f')).toBeUndefined();
  });

  test('the image layers are never changed by a container', () => {
    const image = files('busybox').nodes;
    const fs = createFileSystem(image, () => 0);
    fs.remove('/etc/hostname');
    fs.write('/tmp/new', 'x');
    expect(image.has('/etc/hostname')).toBe(true);
    expect(createFileSystem(image, () => 0).stat('/tmp/new')).toBeUndefined();
  });

  test('volumes mount over directories; a mount point cannot be removed', () => {
    const vol = createVolume({ 'a/b.txt': 'hi' });
    const fs = createFileSystem(files('busybox').nodes, () => 0, [{ path: '/data', volume: vol }]);
    expect(fs.read('/data/a/b.txt')).toBe('hi');
    expect(fs.list('/')).toContain('data');
    fs.write('/data/new', 'y');
    expect(vol.nodes.get('/new')).toMatchObject({ type: 'file', data: 'y' });
    expect(fs.remove('/data', true)).toBe('EBUSY');
  });
});
