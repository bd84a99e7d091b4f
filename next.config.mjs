/**
 * Next.js configuration. Everything is served from this origin: no fonts, scripts or data from elsewhere.
 *
 * Lesson MDX is compiled at build time (lib/content/compile-mdx.server.ts) and evaluated by mdx-bundler's
 * getMDXComponent — which uses `new Function` — inside a Server Component, so the browser never evaluates
 * code strings and the Content-Security-Policy does not need 'unsafe-eval' in production (STACK-NOTES pitfall 10).
 * 'unsafe-inline' for scripts is required by statically generated App Router pages (the inline RSC payload);
 * nonces would force every page to render per request.
 */
const isDev = process.env.NODE_ENV !== 'production';

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  // xterm.js and React set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: import.meta.dirname },
  // English and Chinese pages have different root layouts (<html lang>), so the 404 page is app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
