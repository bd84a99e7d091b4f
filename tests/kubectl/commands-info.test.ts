import { runProgram } from '../support/program';
import { createCluster } from '@/lib/sim/cluster';
import { createKubectl } from '@/lib/kubectl/kubectl';
import { createVirtualFs } from '@/lib/shell/vfs';

function setup(isTTY = false) {
  const cluster = createCluster({ seed: 1 });
  const kubectl = createKubectl(cluster);
  const fs = createVirtualFs();
  return (line: string) => runProgram(kubectl, cluster, { argv: line.split(' ').slice(1), stdin: '', fs, isTTY });
}

describe('kubectl version, cluster-info, api-resources', () => {
  test('version prints client, kustomize and server versions; --client only the first two', () => {
    const k = setup();
    expect(k('kubectl version').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n');
    expect(k('kubectl version --client').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\n');
  });

  test('cluster-info lists the control plane and the cluster-service Services, coloured on a terminal', () => {
    expect(setup()('kubectl cluster-info').stdout).toBe(
      'Kubernetes control plane is running at https://172.30.1.2:6443\n'
      + 'CoreDNS is running at https://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n'
      + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    expect(setup(true)('kubectl cluster-info').stdout.split('\n')[0]).toBe('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443\x1b[0m');
  });

  test('api-resources is a table sorted by group, then name', () => {
    const out = setup()('kubectl api-resources').stdout.split('\n');
    expect(out[0]).toBe('NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND');
    expect(out).toContain('pods         po           v1           true         Pod');
    expect(out).toContain('nodes        no           v1           false        Node');
  });
});
