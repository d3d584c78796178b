// User management (SUPER_ADMIN). Nobody can deactivate or demote the last active
// SUPER_ADMIN; a deactivated user's sessions end at once.
import type { ChannelParsed } from '../api/contract';
import type { UserDto } from '../api/dto';
import { AppError, conflict, notFound } from '../api/errors';
import type { Principal } from '../api/router';
import type { Db } from '../db/prisma';
import { diff, record } from './audit';
import { assertAcceptable, hashPassword } from './passwords';
import { toUserDto } from './user-dto';

/** Serializes changes that could leave the app without an active SUPER_ADMIN. */
const SUPER_ADMIN_LOCK_KEY = 4_242_002;
const AUDITED = ['email', 'name', 'role', 'isActive', 'mustChangePassword'] as const;

export function createUsersService(db: Db) {
  return {
    async list(): Promise<UserDto[]> {
      const rows = await db.user.findMany({ orderBy: [{ isActive: 'desc' }, { name: 'asc' }, { email: 'asc' }] });
      return rows.map(toUserDto);
    },

    async create(input: ChannelParsed<'users.create'>, actor: Principal): Promise<UserDto> {
      assertAcceptable(input.temporaryPassword, 'temporaryPassword', { email: input.email, name: input.name });
      const passwordHash = await hashPassword(input.temporaryPassword);
      return db.$transaction(async (tx) => {
        if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
          throw new AppError('CONFLICT', 'A user with this email already exists.', { fields: { email: 'This email is already in use.' } });
        }
        const user = await tx.user.create({
          data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true },
        });
        await record(tx, { userId: actor.userId, action: 'user.create', entityType: 'User', entityId: user.id, changes: diff(null, user, AUDITED) });
        return toUserDto(user);
      });
    },

    async update(input: ChannelParsed<'users.update'>, actor: Principal): Promise<UserDto> {
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SUPER_ADMIN_LOCK_KEY})`;
        const before = await tx.user.findUnique({ where: { id: input.id } });
        if (!before) throw notFound('The user');
        if (before.version !== input.version) {
          throw conflict('Someone else changed this user meanwhile. Reload to see the change.', { current: toUserDto(before) });
        }
        const losesSuperAdmin =
          before.role === 'SUPER_ADMIN' && before.isActive && ((input.role && input.role !== 'SUPER_ADMIN') || input.isActive === false);
        if (losesSuperAdmin) {
          const others = await tx.user.count({ where: { role: 'SUPER_ADMIN', isActive: true, id: { not: before.id } } });
          if (others === 0) throw new AppError('CONFLICT', 'This is the last active SUPER_ADMIN. Make another user SUPER_ADMIN first.');
        }
        const after = await tx.user.update({
          where: { id: before.id },
          data: {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.role !== undefined ? { role: input.role } : {}),
            ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
            version: { increment: 1 },
          },
        });
        // Deactivation or a role change ends the user's sessions, so the new rights apply at once.
        if (after.isActive !== before.isActive || after.role !== before.role) {
          await tx.session.deleteMany({ where: { userId: after.id } });
        }
        const action = input.isActive === false && before.isActive ? 'user.deactivate' : input.isActive === true && !before.isActive ? 'user.reactivate' : 'user.update';
        await record(tx, { userId: actor.userId, action, entityType: 'User', entityId: after.id, changes: diff(before, after, AUDITED) });
        return toUserDto(after);
      });
    },

    async resetPassword(input: ChannelParsed<'users.resetPassword'>, actor: Principal): Promise<UserDto> {
      const target = await db.user.findUnique({ where: { id: input.id } });
      if (!target) throw notFound('The user');
      assertAcceptable(input.temporaryPassword, 'temporaryPassword', { email: target.email, name: target.name });
      const passwordHash = await hashPassword(input.temporaryPassword);
      return db.$transaction(async (tx) => {
        const after = await tx.user.update({
          where: { id: target.id },
          data: { passwordHash, mustChangePassword: true, version: { increment: 1 } },
        });
        await tx.session.deleteMany({ where: { userId: target.id } });
        await record(tx, {
          userId: actor.userId,
          action: 'user.resetPassword',
          entityType: 'User',
          entityId: target.id,
          changes: { ...diff(target, after, AUDITED), password: { before: '(hidden)', after: '(reset)' } },
        });
        return toUserDto(after);
      });
    },
  };
}
