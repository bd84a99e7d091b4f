/**
 * The one seeded random source of a cluster (STYLE.md §2): sfc32, seeded through splitmix32.
 * Same seed → same uids, IPs, suffixes and jitter, so a run replays byte for byte.
 */

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  /** `n` lowercase hex digits. */
  hex(n: number): string;
  /** `n` characters from `alphabet`. */
  chars(n: number, alphabet: string): string;
  /** An RFC 4122 version-4 UUID, as the apiserver assigns to metadata.uid. */
  uuid(): string;
}

/** Alphabet of k8s.io/apimachinery/pkg/util/rand String (no vowels, no confusable characters). */
export const K8S_RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Creates a deterministic random source from an integer seed. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();

  const r: Random = {
    next: () => u32() / 4294967296,
    int: (n) => Math.floor(r.next() * n),
    between: (lo, hi) => lo + r.int(hi - lo + 1),
    hex: (n) => { let out = ''; while (out.length < n) out += u32().toString(16).padStart(8, '0'); return out.slice(0, n); },
    chars: (n, alphabet) => { let out = ''; for (let i = 0; i < n; i++) out += alphabet[r.int(alphabet.length)]; return out; },
    uuid() {
      const h = r.hex(32);
      const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
  return r;
}
