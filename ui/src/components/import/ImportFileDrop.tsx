import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_ACCEPT } from './importTargets';

/** Where the export is dropped or chosen; once one is, its name, and that another replaces it. */
export function ImportFileDrop({ fileName, reading, onFile }: { fileName: string | null; reading: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-file-drop">
      <Upload.Dragger
        accept={IMPORT_ACCEPT}
        showUploadList={false}
        disabled={reading}
        beforeUpload={(file) => {
          onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">{fileName === null ? <InboxOutlined /> : <FileExcelOutlined />}</p>
        <p className="ant-upload-text" data-testid="import-file-name">
          {fileName ?? t('import.drop')}
        </p>
        <p className="ant-upload-hint">{fileName === null ? t('import.dropHint') : t('import.replaceHint')}</p>
      </Upload.Dragger>
    </div>
  );
}
