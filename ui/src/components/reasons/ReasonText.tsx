import type { ReasonDto } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { DASH } from '../dash';
import { findReason, reasonLabel } from './reasonTree';

/**
 * A case's reason: its name in the UI language when it is a code of the reason tree, else the text as it came
 * (synced cases carry the platform's own reason, such as DEFECTIVE).
 */
export function ReasonText({ reason, reasons }: { reason: string | null; reasons: readonly ReasonDto[] | undefined }) {
  const language = useLanguage();
  if (reason === null) {
    return DASH;
  }
  const known = findReason(reasons, reason);
  return (
    <span data-testid="case-reason" data-reason-code={known?.code}>
      {known === undefined ? reason : reasonLabel(known, language)}
    </span>
  );
}
