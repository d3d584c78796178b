import { describe, expect, it } from 'vitest';
import { changePasswordInput, PASSWORD_MIN, setupInput } from '../../renderer/src/api/contract';
import { translatableMessage, zodFieldErrors } from '../../renderer/src/lib/field-errors';

describe('field errors from the contract schemas', () => {
  it('gives one message per field, and every contract message has a translation', () => {
    const result = setupInput.safeParse({ name: ' ', email: 'not-an-email', password: 'short' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = zodFieldErrors(result.error);
    expect(Object.keys(fields).sort()).toEqual(['email', 'name', 'password']);
    expect(translatableMessage(fields['name'] ?? '')?.key).toBe('validation.nameRequired');
    expect(translatableMessage(fields['email'] ?? '')?.key).toBe('validation.email');
    expect(translatableMessage(fields['password'] ?? '')).toEqual({ key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN } });
  });

  it('knows the too-many-bytes and empty password messages', () => {
    const result = changePasswordInput.safeParse({ currentPassword: '', newPassword: 'ä'.repeat(40) });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = zodFieldErrors(result.error);
    expect(translatableMessage(fields['currentPassword'] ?? '')?.key).toBe('validation.passwordRequired');
    expect(translatableMessage(fields['newPassword'] ?? '')?.key).toBe('validation.passwordTooLong');
  });

  it('passes unknown messages through', () => {
    expect(translatableMessage('Something else.')).toBeNull();
  });
});
