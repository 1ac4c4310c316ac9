import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../bindings';

const COLORS: Partial<Record<Platform, string>> = {
  shopify: 'green',
  woocommerce: 'purple',
  medusa: 'geekblue',
  // Not red or orange: next to a case's countdown chip those mean a deadline is close.
  pdd: 'magenta',
  // Taobao's own orange is taken for the same reason; lime is used by no other tag.
  taobao: 'lime',
};

/** A shop's platform, named in the current language. */
export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[platform]}>{t(`platform.${platform}`)}</Tag>;
}
