import { Checkbox, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportColumnDto } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';

export type ColumnChecklistProps = {
  columns: ExportColumnDto[];
  ticked: string[];
  onChange: (ticked: string[]) => void;
};

/** The columns an export can write, named in the current language; the ticked ones come back in the engine's order. */
export function ColumnChecklist({ columns, ticked, onChange }: ColumnChecklistProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inOrder = (ids: string[]) => columns.map((column) => column.id).filter((id) => ids.includes(id));
  const all = ticked.length === columns.length;
  return (
    <Flex vertical gap="small" data-testid="export-columns">
      <Checkbox
        checked={all}
        indeterminate={!all && ticked.length > 0}
        onChange={(event) => onChange(event.target.checked ? inOrder(columns.map((column) => column.id)) : [])}
      >
        {t('exportDialog.allColumns')}
      </Checkbox>
      <Checkbox.Group
        value={ticked}
        onChange={(ids) => onChange(inOrder(ids))}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', rowGap: 4 }}
        options={columns.map((column) => ({ value: column.id, label: language === 'zh-CN' ? column.zh : column.en }))}
      />
    </Flex>
  );
}
