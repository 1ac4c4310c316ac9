import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto, ImportProfile } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { BadRowsTable } from './BadRowsTable';
import { ImportMapping } from './ImportMapping';
import { ImportRows } from './ImportRows';

/**
 * What the engine read from the file with this profile, before anything is written; `onEditMapping` opens the
 * profile's mapping against this file (the way out when the export names its columns otherwise).
 */
export function ImportPreview({ preview, profile, onEditMapping }: { preview: ImportPreviewDto; profile: ImportProfile; onEditMapping: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex vertical gap="middle" data-testid="import-preview">
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: 'encoding', label: t('import.encoding'), children: <span data-testid="import-encoding">{preview.encoding}</span> },
          { key: 'rows', label: t('import.rows'), children: format.count(preview.total_rows) },
          { key: 'records', label: t(`import.records.${profile.kind}`), children: format.count(preview.records) },
          {
            key: 'bad',
            label: t('import.badRows'),
            children: (
              <Typography.Text type={preview.bad_count > 0 ? 'danger' : undefined} data-testid="import-bad-count">
                {format.count(preview.bad_count)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {preview.problem !== null && (
        <div data-testid="import-problem">
          <Alert type="error" showIcon message={t('import.problem')} description={preview.problem} />
        </div>
      )}
      <ImportMapping
        columns={preview.columns}
        profile={profile}
        action={
          <Button
            size="small"
            type={preview.problem !== null ? 'primary' : 'default'}
            icon={<EditOutlined />}
            data-testid="import-edit-mapping"
            onClick={onEditMapping}
          >
            {t('import.editMapping')}
          </Button>
        }
      />
      {preview.rows.length > 0 && (
        <Flex vertical gap="small">
          <Typography.Text strong>{t('import.firstRows', { count: preview.rows.length })}</Typography.Text>
          <ImportRows columns={preview.columns} rows={preview.rows} bad={preview.bad} />
        </Flex>
      )}
      {preview.bad_count > 0 && (
        <Flex vertical gap="small">
          <Typography.Text strong>
            {preview.bad_count > preview.bad.length
              ? t('import.badShownOf', { shown: preview.bad.length, total: preview.bad_count })
              : t('import.badTitle')}
          </Typography.Text>
          <BadRowsTable rows={preview.bad} testId="import-bad-rows" />
        </Flex>
      )}
    </Flex>
  );
}
