import { Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSetGoodsClass } from '../../hooks/useSetGoodsClass';

export const GOODS_CLASSES = ['ordinary', 'fresh', 'custom', 'virtual', 'periodical', 'non_returnable'] as const;
export type GoodsClass = (typeof GOODS_CLASSES)[number];

/**
 * Tells the engine what kind of goods a SKU is. The engine does not say the current class, so the select starts
 * empty and shows the class once it is saved.
 */
export function GoodsClassSelect({ shopId, sku }: { shopId: number; sku: string }) {
  const { t } = useTranslation();
  const setGoodsClass = useSetGoodsClass();
  const [saved, setSaved] = useState<GoodsClass | null>(null);
  const pending = setGoodsClass.isPending ? (setGoodsClass.variables.class as GoodsClass) : null;
  return (
    <Flex vertical gap={4}>
      <Select<GoodsClass>
        data-testid="goods-class-select"
        size="small"
        style={{ width: 220 }}
        aria-label={t('eligibility.goodsClass.label')}
        placeholder={t('eligibility.goodsClass.placeholder')}
        value={pending ?? saved ?? undefined}
        loading={setGoodsClass.isPending}
        disabled={setGoodsClass.isPending}
        onChange={(value) =>
          setGoodsClass.mutate({ shop_id: shopId, sku, class: value }, { onSuccess: () => setSaved(value) })
        }
        options={GOODS_CLASSES.map((value) => ({ value, label: t(`eligibility.goodsClass.option.${value}`) }))}
      />
      {setGoodsClass.error !== null && <ErrorAlert error={setGoodsClass.error} />}
    </Flex>
  );
}
