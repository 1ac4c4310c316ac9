import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../bindings';

const COLORS: Partial<Record<Platform, string>> = {
  shopify: 'green',
  woocommerce: 'purple',
};

/** A shop's platform, named in the current language. */
export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[platform]}>{t(`platform.${platform}`)}</Tag>;
}
