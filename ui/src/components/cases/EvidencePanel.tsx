import { FileZipOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceDto, ExportedDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { DateTime } from '../DateTime';

export type EvidencePanelProps = {
  evidence: EvidenceDto[];
  /** A file is being read or stored. */
  adding: boolean;
  onFile: (file: File) => void;
  exporting: boolean;
  /** Where the last export wrote the ZIP, when there was one. */
  exported: ExportedDto | null;
  onExport: () => void;
};

/** Files attached to a case (drop or choose to add more), and the ZIP of them for a platform appeal. */
export function EvidencePanel({ evidence, adding, onFile, exporting, exported, onExport }: EvidencePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<EvidenceDto> = [
    { title: t('evidence.name'), key: 'name', dataIndex: 'file_name' },
    { title: t('evidence.size'), key: 'size', align: 'right', render: (_, file) => format.fileSize(file.size) },
    { title: t('evidence.addedAt'), key: 'added', render: (_, file) => <DateTime value={file.added_at} /> },
  ];
  return (
    <Flex vertical gap="small" data-testid="case-evidence">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evidence.title')}
        </Typography.Title>
        <Button icon={<FileZipOutlined />} loading={exporting} onClick={onExport} data-testid="evidence-export">
          {t('evidence.export')}
        </Button>
      </Flex>
      {exported !== null && (
        <Alert
          type="success"
          showIcon
          message={t('evidence.exported', { count: exported.files })}
          description={
            <Typography.Text copyable code data-testid="evidence-export-path">
              {exported.path}
            </Typography.Text>
          }
        />
      )}
      <div data-testid="evidence-dropzone">
        <Upload.Dragger
          multiple
          showUploadList={false}
          disabled={adding}
          beforeUpload={(file) => {
            onFile(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('evidence.drop')}</p>
          <p className="ant-upload-hint">{t('evidence.dropHint')}</p>
        </Upload.Dragger>
      </div>
      <div data-testid="evidence-list">
        <Table<EvidenceDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={evidence}
          pagination={false}
          loading={adding}
          locale={{ emptyText: t('evidence.empty') }}
        />
      </div>
    </Flex>
  );
}
