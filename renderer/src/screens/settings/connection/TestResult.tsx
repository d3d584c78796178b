// The answer of "Test connection": version and round trip, or the plain reason it failed.
import { useTranslation } from 'react-i18next';
import type { TestConnectionResultDto } from '../../../api/contract';

export function TestResult({ result }: { result: TestConnectionResultDto | null }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.ok) {
    return (
      <p className="connection-result connection-result--ok" role="status" data-testid="connection-test-result">
        <span aria-hidden="true">✓ </span>
        {t('connection.testOk', { version: result.serverVersion ?? '?', ms: result.roundTripMs ?? '?' })}
      </p>
    );
  }
  return (
    <p className="connection-result connection-result--bad" role="alert" data-testid="connection-test-result">
      <span aria-hidden="true">✗ </span>
      {t('connection.testFailed', { message: result.message })}
    </p>
  );
}
