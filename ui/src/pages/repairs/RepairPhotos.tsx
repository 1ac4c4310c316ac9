import { InboxOutlined } from '@ant-design/icons';
import { App, Flex, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, RepairDetailDto } from '../../bindings';
import { DateTime } from '../../components/DateTime';
import { useAddRepairPhoto } from '../../hooks/useAddRepairPhoto';
import { useFormat } from '../../i18n/useFormat';
import { fileToBase64 } from '../cases/fileToBase64';
import { useErrorToast } from '../useErrorToast';

/** Photos of the item as it came in (and as it goes out): dropped or chosen files, read here and stored by the engine. */
export function RepairPhotos({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const showError = useErrorToast();
  const addPhoto = useAddRepairPhoto();
  const [reading, setReading] = useState(0);
  const repairId = detail.repair.id;

  const add = async (file: File) => {
    setReading((count) => count + 1);
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch (reason) {
      const error: ApiError = { code: 'internal', message: reason instanceof Error ? reason.message : String(reason) };
      showError(error, t('repairs.photos.readFailed', { name: file.name }));
      return;
    } finally {
      setReading((count) => count - 1);
    }
    addPhoto.mutate(
      { repair_id: repairId, file_name: file.name, content_base64: content },
      {
        onSuccess: () => void message.success(t('repairs.photos.added', { name: file.name })),
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Flex vertical gap="small" data-testid="repair-photos">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('repairs.photos.title')}
      </Typography.Title>
      <div data-testid="repair-photo-drop">
        <Upload.Dragger
          multiple
          accept="image/*"
          showUploadList={false}
          disabled={reading > 0 || addPhoto.isPending}
          beforeUpload={(file) => {
            void add(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('repairs.photos.drop')}</p>
          <p className="ant-upload-hint">{t('repairs.photos.dropHint')}</p>
        </Upload.Dragger>
      </div>
      <List
        size="small"
        data-testid="repair-photo-list"
        loading={reading > 0 || addPhoto.isPending}
        dataSource={detail.photos}
        locale={{ emptyText: t('repairs.photos.empty') }}
        renderItem={(photo) => (
          <List.Item key={photo.id}>
            <Flex justify="space-between" gap="small" style={{ width: '100%' }} wrap>
              <Typography.Text>{photo.file_name}</Typography.Text>
              <Typography.Text type="secondary">
                {format.fileSize(photo.size)} · <DateTime value={photo.added_at} />
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
