import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldColumn, ImportProfile } from '../../bindings';
import { useFieldLabel } from './useFieldLabel';

/**
 * Which header of the file each field is read from, three to a row so the rows below stay in sight. A required
 * field without one is an error naming the headers the profile looks for: what the export should have called it.
 * `action`: beside the title (the way to change the mapping).
 */
export function ImportMapping({ columns, profile, action }: { columns: FieldColumn[]; profile: ImportProfile; action?: ReactNode }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const expected = (field: string) =>
    (profile.columns[field] ?? '')
      .split('|')
      .map((header) => header.trim())
      .filter((header) => header !== '')
      .join(t('import.or'));

  return (
    <div data-testid="import-mapping">
      <Descriptions
        size="small"
        bordered
        column={3}
        title={<Typography.Text strong>{t('import.mapping')}</Typography.Text>}
        extra={action}
        items={columns.map((column) => ({
          key: column.field,
          label: (
            <>
              {fieldLabel(column.field)}
              {column.required && <Typography.Text type="danger"> *</Typography.Text>}
            </>
          ),
          children: (
            <span data-field={column.field}>
              {column.header !== null ? (
                <Tag color="green">{column.header}</Tag>
              ) : column.required ? (
                <Typography.Text type="danger">{t('import.missing', { headers: expected(column.field) })}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('import.notInFile')}</Typography.Text>
              )}
            </span>
          ),
        }))}
      />
    </div>
  );
}
