// Prisma CLI configuration. The JS engine with the pg adapter lets `prisma migrate diff`
// and `prisma generate` work without downloading Prisma's Rust binaries.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    // The diff only needs the adapter to exist; an idle pool must not keep the CLI alive.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/postgres', allowExitOnIdle: true });
  },
});
