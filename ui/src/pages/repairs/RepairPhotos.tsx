import { InboxOutlined } from '@ant-design/icons';
import { App, Flex, Image, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto } from '../../bindings';
import { DateTime } from '../../components/DateTime';
import { useAddRepairPhoto } from '../../hooks/useAddRepairPhoto';
import { useFormat } from '../../i18n/useFormat';
import { useReadFile } from '../../hooks/useReadFile';
import { useErrorToast } from '../useErrorToast';
import { isImage, RepairPhotoThumb } from './RepairPhotoThumb';

/**
 * Photos of the item as it came in (and as it goes out): dropped or chosen files, read here and stored by the engine,
 * each picture with its thumbnail (one preview flips through them all).
 */
export function RepairPhotos({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const showError = useErrorToast();
  const addPhoto = useAddRepairPhoto();
  const { read, reading } = useReadFile((name) => t('repairs.photos.readFailed', { name }));
  const repairId = detail.repair.id;

  const add = async (file: File) => {
    const content = await read(file);
    if (content === null) return;
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
          disabled={reading || addPhoto.isPending}
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
      <Image.PreviewGroup>
        <List
          size="small"
          data-testid="repair-photo-list"
          loading={reading || addPhoto.isPending}
          dataSource={detail.photos}
          locale={{ emptyText: t('repairs.photos.empty') }}
          renderItem={(photo) => (
            <List.Item key={photo.id} data-testid="repair-photo" data-photo-id={photo.id}>
              <Flex justify="space-between" align="center" gap="small" style={{ width: '100%' }} wrap>
                <Flex align="center" gap="small">
                  {isImage(photo) && <RepairPhotoThumb photo={photo} />}
                  <Typography.Text>{photo.file_name}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">
                  {format.fileSize(photo.size)} · <DateTime value={photo.added_at} />
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Image.PreviewGroup>
    </Flex>
  );
}
