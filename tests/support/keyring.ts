// A real, private Secret Service for keychain tests: a session D-Bus of our own and a
// gnome-keyring-daemon on it, unlocked from stdin, with HOME and XDG_RUNTIME_DIR in a
// temporary folder so a developer's own keyring is never touched.
// Needs the Debian packages dbus-daemon (or dbus), dbus-bin (dbus-send) and gnome-keyring.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/core/api/contract';
import type { ApiResult } from '../../electron/core/api/errors';
import type { CallContext } from '../../electron/core/api/router';
import type { Core } from '../../electron/core/index';
import { SECRET, type SecretStore } from '../../electron/core/secrets';

export interface PrivateKeyring {
  /** DBUS_SESSION_BUS_ADDRESS of the private bus. */
  address: string;
  /** Environment for a child process that should use this keyring. */
  env: NodeJS.ProcessEnv;
  /** Looks an item up over D-Bus, bypassing keytar: proves a secret really is in the Secret Service. */
  hasItem(service: string, account: string): boolean;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;

function waitForLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time. ${errors}`)), READY_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, newline).trim());
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${what} could not be started (is it installed?): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited early with code ${code}. ${errors}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function dbusSend(address: string, args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('dbus-send', ['--session', '--print-reply', ...args], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    encoding: 'utf8',
    timeout: 5000,
  });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export async function startKeyring(): Promise<PrivateKeyring> {
  const root = mkdtempSync(path.join(tmpdir(), 'kroi-keyring-'));
  const home = path.join(root, 'home');
  const runtime = path.join(root, 'run');
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(runtime, { mode: 0o700 });

  // A bus of our own with no service directories: nothing is auto-activated behind our
  // back, so the tests see exactly the keyring started below (or none).
  const busConfig = path.join(root, 'bus.conf');
  writeFileSync(
    busConfig,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${root}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );

  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  // A crashed test process must not leave daemons behind.
  process.once('exit', killAll);

  const stop = async () => {
    for (const c of [...children].reverse()) await stopChild(c);
    process.removeListener('exit', killAll);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const bus = spawn('dbus-daemon', ['--config-file', busConfig, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(bus);
    const address = await waitForLine(bus, 'dbus-daemon');

    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: path.join(home, '.local/share'), DBUS_SESSION_BUS_ADDRESS: address };
    delete env.GNOME_KEYRING_CONTROL;
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(keyring);
    let keyringErrors = '';
    keyring.stderr?.on('data', (chunk: Buffer) => (keyringErrors += chunk.toString()));
    keyring.on('error', (error) => (keyringErrors += error.message));
    // --unlock reads the login keyring's password from stdin until EOF (it is created with it).
    keyring.stdin?.end(randomBytes(12).toString('hex'));

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const owner = dbusSend(address, ['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets']);
      if (owner.ok && /boolean true/.test(owner.out)) break;
      if (keyring.exitCode !== null || Date.now() > deadline) {
        throw new Error(`gnome-keyring-daemon did not take org.freedesktop.secrets (exit ${keyring.exitCode}): ${keyringErrors || owner.out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }

    return {
      address,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
      hasItem(service, account) {
        const found = dbusSend(address, [
          '--dest=org.freedesktop.secrets',
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.SearchItems',
          `dict:string:string:service,${service},account,${account}`,
        ]);
        if (!found.ok) throw new Error(`SearchItems failed: ${found.out}`);
        // The reply is two arrays (unlocked, locked) of object paths.
        return /object path "\/org\/freedesktop\/secrets\/collection\//.test(found.out);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A caller that keeps its token like the Electron IPC transport (electron/platform/ipc.ts,
 * which imports electron and cannot run here): in memory, and in the keychain when the
 * user asked to stay signed in; any other token change removes the kept one.
 */
export class KeychainClient implements CallContext {
  sessionToken: string | null = null;
  constructor(
    private readonly core: Core,
    private readonly secrets: SecretStore,
    public readonly keychainAvailable: boolean,
  ) {}

  static async create(core: Core, secrets: SecretStore): Promise<KeychainClient> {
    return new KeychainClient(core, secrets, await secrets.available());
  }

  async setSessionToken(token: string | null, remember: boolean): Promise<void> {
    this.sessionToken = token;
    if (token !== null && remember && this.keychainAvailable) await this.secrets.set(SECRET.sessionToken, token);
    else await this.secrets.delete(SECRET.sessionToken);
  }

  async rememberedToken(): Promise<string | null> {
    return this.keychainAvailable ? this.secrets.get(SECRET.sessionToken) : null;
  }

  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
    return this.core.router.call(channel, input, this) as Promise<ApiResult<ChannelOutput<C>>>;
  }

  async ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.call(channel, input);
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
    return result.data;
  }
}

/**
 * Points this process's session bus at `keyring`. keytar (libsecret) reads the address when
 * it first connects: call this before the first keychain call. The returned function puts
 * the previous address back.
 */
export function useKeyringBus(keyring: PrivateKeyring): () => void {
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address;
  return () => {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  };
}
