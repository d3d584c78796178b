// Sign-in, sessions and first-run setup. Only a SHA-256 of a session token is stored;
// the token itself stays in the main process (and in the keychain when remembered).
// Failed attempts are counted in PostgreSQL so every PC shares the lockout.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ChannelParsed } from '../api/contract';
import type { Role, SessionDto, SetupStateDto } from '../api/dto';
import { AppError, validation } from '../api/errors';
import type { CallContext, HandlerContext, Principal } from '../api/router';
import { requirePrincipal } from '../api/router';
import type { Db } from '../db/prisma';
import { record } from './audit';
import { assertAcceptable, dummyHash, hashPassword, verifyPassword } from './passwords';
import type { SystemConfig } from './system-config';
import { toUserDto } from './user-dto';

export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
const SETUP_LOCK_KEY = 4_242_001;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

const INVALID = 'The email or password is not right.';

interface SessionRow {
  id: string;
  expires: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  role: Role;
  is_active: boolean;
  must_change_password: boolean;
}

export function createAuthService(deps: { db: Db; pool: pg.Pool; config: SystemConfig }) {
  const { db, config } = deps;

  const idleMs = async () => (await config.get('session.idleHours')) * 3600 * 1000;

  /** Seconds to wait when the email has had too many recent failures (known or not: no hint either way). */
  async function lockedFor(email: string): Promise<number> {
    const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
    const rows = await db.$queryRaw<{ created_at: Date }[]>`
      SELECT created_at FROM auth_attempts
      WHERE email = ${email} AND NOT succeeded AND created_at > ${since}
        AND created_at > coalesce((SELECT max(created_at) FROM auth_attempts WHERE email = ${email} AND succeeded), '-infinity')
      ORDER BY created_at DESC LIMIT ${LOCKOUT_ATTEMPTS}`;
    if (rows.length < LOCKOUT_ATTEMPTS) return 0;
    const oldest = rows[rows.length - 1]!.created_at.getTime();
    return Math.max(1, Math.ceil((oldest + LOCKOUT_WINDOW_MS - Date.now()) / 1000));
  }

  async function openSession(userId: string, remember: boolean, ctx: CallContext): Promise<SessionDto> {
    const token = newToken();
    const expires = new Date(Date.now() + (await idleMs()));
    const [, user] = await db.$transaction([
      db.session.create({ data: { sessionToken: hashToken(token), userId, expires, client: remember ? 'remembered' : null } }),
      db.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } }),
    ]);
    await ctx.setSessionToken(token, remember && ctx.keychainAvailable);
    return { user: toUserDto(user), expiresAt: expires.toISOString(), remembered: remember && ctx.keychainAvailable };
  }

  return {
    async setupState(ctx: CallContext): Promise<SetupStateDto> {
      const count = await db.user.count();
      return { needsSetup: count === 0, keychainAvailable: ctx.keychainAvailable };
    },

    /** Creates the first SUPER_ADMIN; refused once any user exists. */
    async setup(input: ChannelParsed<'auth.setup'>, ctx: CallContext): Promise<SessionDto> {
      assertAcceptable(input.password, 'password', { email: input.email, name: input.name });
      const passwordHash = await hashPassword(input.password);
      const user = await db.$transaction(async (tx) => {
        // Two PCs on the setup screen at once: one wins, the other is refused.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
        if ((await tx.user.count()) > 0) throw new AppError('CONFLICT', 'The app has already been set up. Sign in instead.');
        const created = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: 'SUPER_ADMIN' } });
        await record(tx, {
          userId: created.id,
          action: 'user.create',
          entityType: 'User',
          entityId: created.id,
          changes: { email: { before: null, after: created.email }, role: { before: null, after: 'SUPER_ADMIN' } },
          metadata: { via: 'first-run setup' },
        });
        return created;
      });
      return openSession(user.id, false, ctx);
    },

    async signIn(input: ChannelParsed<'auth.signIn'>, ctx: CallContext): Promise<SessionDto> {
      const wait = await lockedFor(input.email);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} min.`, { details: { retryAfterSeconds: wait } });
      }
      const user = await db.user.findUnique({ where: { email: input.email } });
      // Same work for unknown users: compare against a dummy hash.
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || !user.isActive || !user.passwordHash) {
        await db.$transaction([
          db.authAttempt.create({ data: { email: input.email, succeeded: false } }),
          db.activityLog.create({
            data: { userId: user?.id ?? null, action: 'auth.signInFailed', entityType: 'User', entityId: user?.id ?? null, metadata: { email: input.email } },
          }),
        ]);
        throw new AppError('UNAUTHENTICATED', INVALID);
      }
      await db.$transaction([
        db.authAttempt.create({ data: { email: input.email, succeeded: true } }),
        db.activityLog.create({ data: { userId: user.id, action: 'auth.signIn', entityType: 'User', entityId: user.id, metadata: { remember: input.remember } } }),
      ]);
      return openSession(user.id, input.remember, ctx);
    },

    /** "Keep me signed in": a token from the keychain, if still valid. */
    async resume(ctx: CallContext): Promise<SessionDto | null> {
      const token = await ctx.rememberedToken();
      if (!token) return null;
      const session = await this.sessionOf(token);
      if (!session) {
        await ctx.setSessionToken(null, false);
        return null;
      }
      await ctx.setSessionToken(token, true);
      return { ...session, remembered: true };
    },

    async sessionOf(token: string): Promise<SessionDto | null> {
      const principal = await this.authenticate(token);
      if (!principal) return null;
      const row = await db.session.findUnique({ where: { sessionToken: hashToken(token) }, include: { user: true } });
      if (!row) return null;
      return { user: toUserDto(row.user), expiresAt: row.expires.toISOString(), remembered: row.client === 'remembered' };
    },

    async me(ctx: HandlerContext): Promise<SessionDto> {
      const session = ctx.sessionToken ? await this.sessionOf(ctx.sessionToken) : null;
      if (!session) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
      return session;
    },

    async signOut(ctx: HandlerContext): Promise<null> {
      const principal = requirePrincipal(ctx);
      await db.$transaction([
        db.session.deleteMany({ where: { id: principal.sessionId } }),
        db.activityLog.create({ data: { userId: principal.userId, action: 'auth.signOut', entityType: 'User', entityId: principal.userId } }),
      ]);
      await ctx.setSessionToken(null, false);
      return null;
    },

    async changePassword(input: ChannelParsed<'auth.changePassword'>, ctx: HandlerContext): Promise<null> {
      const principal = requirePrincipal(ctx);
      const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId } });
      if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw validation('The current password is not right.', { currentPassword: 'The current password is not right.' });
      }
      if (input.currentPassword === input.newPassword) {
        throw validation('Choose a new password.', { newPassword: 'The new password must differ from the current one.' });
      }
      assertAcceptable(input.newPassword, 'newPassword', { email: user.email, name: user.name });
      const passwordHash = await hashPassword(input.newPassword);
      await db.$transaction([
        db.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, version: { increment: 1 } } }),
        // Other signed-in places of this user end; this one goes on.
        db.session.deleteMany({ where: { userId: user.id, id: { not: principal.sessionId } } }),
        db.activityLog.create({
          data: { userId: user.id, action: 'user.changePassword', entityType: 'User', entityId: user.id, changes: { password: { before: '(hidden)', after: '(changed)' } } },
        }),
      ]);
      return null;
    },

    /** The router's authenticator: a live session's principal, sliding its expiry. */
    async authenticate(token: string): Promise<Principal | null> {
      // Every call of every channel comes through here: one plain query (about 0.4 ms) rather
      // than a Prisma one (about 2 ms), so a cached page answers in about a millisecond.
      // Named: each connection parses and plans it once.
      const { rows } = await deps.pool.query<SessionRow>({
        name: 'kroi-authenticate',
        text: `SELECT s.id, s.expires, s.last_seen_at, u.id AS user_id, u.email, u.role::text AS role, u.is_active, u.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.session_token = $1`,
        values: [hashToken(token)],
      });
      const row = rows[0];
      if (!row) return null;
      const now = Date.now();
      if (row.expires.getTime() <= now || !row.is_active) {
        await db.session.deleteMany({ where: { id: row.id } });
        return null;
      }
      if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        // Idle expiry slides with use; written at most once a minute per session.
        await db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now), expires: new Date(now + (await idleMs())) } });
      }
      return { userId: row.user_id, email: row.email, role: row.role, sessionId: row.id, mustChangePassword: row.must_change_password };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
