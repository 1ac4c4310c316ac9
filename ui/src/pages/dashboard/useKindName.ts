import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A clock kind's name; a kind this UI does not know yet (a newer engine) shows as its code rather than a raw key. */
export function useKindName() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (kind: string) => {
      const key = `clockKind.${kind}`;
      return i18n.exists(key) ? t(key as 'clockKind.resolution') : kind;
    },
    [t, i18n],
  );
}
