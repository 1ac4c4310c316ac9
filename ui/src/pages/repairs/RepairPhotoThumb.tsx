import { Image, Skeleton, Tooltip } from 'antd';
import type { RepairPhotoDto } from '../../bindings';
import { useRepairPhoto } from '../../hooks/useRepairPhoto';

const SIZE = 64;

/** Only pictures are shown as pictures: anything else stored with a ticket is listed by its name alone. */
export function isImage(photo: Pick<RepairPhotoDto, 'mime'>): boolean {
  return photo.mime.startsWith('image/');
}

/**
 * A photo's thumbnail, opening full size on click. The bytes come through the engine as base64 and are shown as a
 * data: URL (the webview's content policy allows data: images and nothing remote). Nothing is shown while it loads
 * or when it cannot be read: the name beside it still says what the file is.
 */
export function RepairPhotoThumb({ photo }: { photo: RepairPhotoDto }) {
  const content = useRepairPhoto(photo.id);
  if (content.data === undefined) {
    return content.isLoading ? <Skeleton.Image active style={{ width: SIZE, height: SIZE }} /> : null;
  }
  return (
    <Tooltip title={photo.file_name}>
      <Image
        width={SIZE}
        height={SIZE}
        style={{ objectFit: 'cover', borderRadius: 4 }}
        src={`data:${content.data.mime};base64,${content.data.content_base64}`}
        alt={photo.file_name}
        data-testid="repair-photo-thumb"
        data-photo-id={photo.id}
      />
    </Tooltip>
  );
}
