// The api router: validate → authenticate → authorize → handle → map errors.
// Both transports (Electron IPC and the HTTP harness) call `router.call`.
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Role } from './dto';
import { contract, isChannelName, roleAllows, type ChannelName, type ChannelOutput, type ChannelParsed } from './contract';
import { AppError, type ApiErrorBody, type ApiResult } from './errors';
import { mapError } from './map-error';

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  sessionId: string;
  /** After a password reset only these channels work until the user picks a new password. */
  mustChangePassword: boolean;
}

const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<ChannelName> = new Set(['auth.me', 'auth.signOut', 'auth.changePassword', 'system.status', 'auth.setupState']);

/** What a transport knows about one caller (one window, one browser). */
export interface CallContext {
  sessionToken: string | null;
  /** Auth handlers hand a new token (or null on sign-out) back to the transport, never to the renderer. */
  setSessionToken(token: string | null, remember: boolean): Promise<void>;
  /** The token kept in the OS keychain by "keep me signed in", when the transport has one. */
  rememberedToken(): Promise<string | null>;
  /** Whether the transport can keep a token in the keychain. */
  keychainAvailable: boolean;
}

export interface HandlerContext extends CallContext {
  principal: Principal | null;
}

export type Handler<C extends ChannelName> = (input: ChannelParsed<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Authenticator {
  /** The principal of a live session token, or null (unknown, expired, deactivated user). */
  authenticate(token: string): Promise<Principal | null>;
}

export interface Router {
  call(channel: unknown, input: unknown, ctx: CallContext): Promise<ApiResult<unknown>>;
}

const fail = (error: ApiErrorBody): ApiResult<never> => ({ ok: false, error });

export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[[...issue.path, k].join('.')] = 'Unknown field.';
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}

export function createRouter(deps: { handlers: Handlers; auth: Authenticator; logger: Logger }): Router {
  const { handlers, auth, logger } = deps;

  return {
    async call(channel, input, ctx) {
      if (!isChannelName(channel)) {
        return fail({ code: 'VALIDATION', message: 'Unknown channel.' });
      }
      const def = contract[channel];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail({ code: 'VALIDATION', message: 'Some fields need attention.', fields: zodFields(parsed.error) });
      }

      let principal: Principal | null = null;
      try {
        if (ctx.sessionToken) principal = await auth.authenticate(ctx.sessionToken);
      } catch (error) {
        return fail(mapError(error, logger, channel));
      }
      if (def.access !== 'public') {
        if (!principal) return fail({ code: 'UNAUTHENTICATED', message: 'Please sign in again.' });
        if (!roleAllows(principal.role, def.access)) {
          return fail({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
        }
        if (principal.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(channel)) {
          return fail({ code: 'FORBIDDEN', message: 'Choose a new password first.', details: { mustChangePassword: true } });
        }
      }

      try {
        const handler = handlers[channel] as (i: unknown, c: HandlerContext) => Promise<unknown>;
        // Methods are bound explicitly: a transport's context may be a class instance.
        const handlerCtx: HandlerContext = {
          sessionToken: ctx.sessionToken,
          keychainAvailable: ctx.keychainAvailable,
          setSessionToken: (token, remember) => ctx.setSessionToken(token, remember),
          rememberedToken: () => ctx.rememberedToken(),
          principal,
        };
        const data = await handler(parsed.data, handlerCtx);
        return { ok: true, data: data ?? null };
      } catch (error) {
        return fail(mapError(error, logger, channel));
      }
    },
  };
}

/** Narrow a handler context to a signed-in principal (the router already checked it). */
export function requirePrincipal(ctx: HandlerContext): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
  return ctx.principal;
}
