// Users of every role with one known password, signed in through the real auth channel.
import type { Role } from '../../electron/core/api/dto';
import type { Core } from '../../electron/core/index';
import { hashPassword } from '../../electron/core/services/passwords';
import { TestClient } from './core';

export const TEST_PASSWORD = 'Vaihtoauto-Koeajo-77';

export type RoleClients = Record<Role, TestClient> & { anonymous: TestClient; ids: Record<Role, string> };

export async function createRoleUsers(core: Core): Promise<RoleClients> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const roles: Role[] = ['SUPER_ADMIN', 'ADMIN', 'VIEWER'];
  const ids = {} as Record<Role, string>;
  for (const role of roles) {
    const user = await core.db.user.create({ data: { email: `${role.toLowerCase()}@kroi.test`, name: `Test ${role}`, role, passwordHash } });
    ids[role] = user.id;
  }
  const clients = {} as Record<Role, TestClient>;
  await Promise.all(
    roles.map(async (role) => {
      const client = new TestClient(core);
      await client.ok('auth.signIn', { email: `${role.toLowerCase()}@kroi.test`, password: TEST_PASSWORD, remember: false });
      clients[role] = client;
    }),
  );
  return { ...clients, anonymous: new TestClient(core), ids };
}
