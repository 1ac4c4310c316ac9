import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReasonDto } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { reasonLabel, reasonTree } from './reasonTree';

export type ReasonSelectProps = {
  reasons: ReasonDto[];
  loading?: boolean;
  /** A reason's code; empty when no reason is given. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
};

/**
 * A reason picked from the two-level tree (groups and the reasons in them), named in the UI language; the value
 * is the reason's code. Clearing it gives no reason.
 */
export function ReasonSelect({ reasons, loading = false, value, onChange, id }: ReasonSelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const treeData = reasonTree(reasons).map(({ reason, children }) => ({
    value: reason.code,
    title: reasonLabel(reason, language),
    children: children.map((child) => ({ value: child.code, title: reasonLabel(child, language) })),
  }));
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(code) => onChange?.(code)}
      treeData={treeData}
      loading={loading}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={t('reasons.placeholder')}
      data-testid="reason-select"
    />
  );
}
