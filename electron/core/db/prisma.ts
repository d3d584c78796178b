// Prisma over the pg driver adapter: no Rust engine at run time.
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/client';

export type Db = InstanceType<typeof PrismaClient>;
export { Prisma } from './generated/client';

export function createPrisma(pool: pg.Pool): Db {
  // The pool is owned and closed by the core, not by Prisma.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: false }) });
}
