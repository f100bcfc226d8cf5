/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The container runs this folder (.next/standalone); `npm run build` also keeps the usual .next for `npm start`.
  output: "standalone",
  // Read at run time by path: the migrations, and the simulator's fallback clip (when ffmpeg is missing).
  outputFileTracingIncludes: { "*": ["drizzle/**/*", "lib/simulator/assets/*"] },
  // Paths built from process.cwd() make the tracer pull in whole folders; none of these are needed to run.
  outputFileTracingExcludes: { "*": ["data/**/*", "app/**/*", "lib/**/*.ts", "e2e/**/*", "scripts/**/*", "test-results/**/*"] },
  // Native drivers and SDKs are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "pg", "@aws-sdk/client-s3", "undici"],
  experimental: {
    // The proxy buffers request bodies up to this size and silently cuts the rest (default 10 MB), which
    // broke multipart forms at the documented image limits. Just above POST /api/jobs's own limit
    // (two 10 MB images and the text fields, 21 MB), so that route answers every size itself.
    proxyClientMaxBodySize: "22mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), display-capture=()",
          },
        ],
      },
      {
        // The gallery's changes poll skips proxy.ts (see its matcher), which gives every other answer its policy:
        // JSON needs none of a page's sources.
        source: "/api/jobs/changes",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
