// A user as the renderer may see it: never the password hash.
import type { UserDto } from '../api/dto';

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: UserDto['role'];
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
}

export const toUserDto = (u: UserRow): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  isActive: u.isActive,
  mustChangePassword: u.mustChangePassword,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  version: u.version,
});
