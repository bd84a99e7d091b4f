/**
 * The pod's volumes as the kubelet's volume manager sets them up, shared by reference between the containers that
 * mount them. Models pkg/volume emptydir (an empty directory), projected (the service-account token, the cluster CA
 * and the namespace, as `kube-api-access-*` carries them) and configmap/secret (empty here: the simulator stores
 * neither), and kubelet_pods.go makeMounts (mountPath, readOnly).
 */
import type { Container, Pod } from '../types';
import { createVolume, type Mount, type Volume } from '../runtime/fs';

const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A bound service-account token's shape (a JWT the API server would sign), for `cat .../token`. */
function serviceAccountToken(pod: Pod, now: number, expirationSeconds: number): string {
  const iat = Math.floor(now / 1000);
  const ns = pod.metadata.namespace ?? 'default';
  const sa = pod.spec.serviceAccountName ?? 'default';
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'kpa3Jn1xq0e1qUp3SZg8xqaSYbVq1CwSiV3XquNhxMk' }));
  const claims = b64url(JSON.stringify({
    aud: ['https://kubernetes.default.svc.cluster.local'], exp: iat + expirationSeconds, iat, iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: ns, node: { name: pod.spec.nodeName }, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: sa } },
    nbf: iat, sub: `system:serviceaccount:${ns}:${sa}`,
  }));
  return `${header}.${claims}.${b64url((pod.metadata.uid ?? '').repeat(8)).slice(0, 342)}`;
}

const CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIQ3yKm5JyXbAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTA5MDgwNjM4MDBaFw0zNTA5MDYwNjQzMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n';

/** Creates the volumes of `pod` (name → volume), once per pod. */
export function podVolumes(pod: Pod, now: number): Map<string, Volume> {
  const out = new Map<string, Volume>();
  for (const v of pod.spec.volumes ?? []) {
    const projected = v.projected as { defaultMode?: number; sources?: Array<Record<string, { expirationSeconds?: number; path?: string }>> } | undefined;
    if (projected) {
      const files: Record<string, string> = {};
      for (const s of projected.sources ?? []) {
        if (s.serviceAccountToken) files[s.serviceAccountToken.path ?? 'token'] = serviceAccountToken(pod, now, s.serviceAccountToken.expirationSeconds ?? 3607);
        if (s.configMap) files['ca.crt'] = CA;
        if (s.downwardAPI) files.namespace = pod.metadata.namespace ?? 'default';
      }
      out.set(v.name, createVolume(files, now, projected.defaultMode ?? 0o644));
    } else {
      out.set(v.name, createVolume({}, now));
    }
  }
  return out;
}

/** A container's mounts of the pod's volumes. */
export function containerMounts(c: Container, volumes: ReadonlyMap<string, Volume>): Mount[] {
  return (c.volumeMounts ?? []).flatMap((m) => {
    const volume = volumes.get(m.name);
    return volume ? [{ path: m.mountPath, volume, readOnly: m.readOnly }] : [];
  });
}
