import { App, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { SkuCategoryForm } from '../../components/warranty/SkuCategoryForm';
import { useSetSkuCategory } from '../../hooks/useSetSkuCategory';

/** Where SKUs are filed under categories, for the policies that cover a whole category. */
export function SkuCategorySection({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setSkuCategory = useSetSkuCategory();
  return (
    <Flex vertical gap="small">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('warranty.category.title')}
      </Typography.Title>
      <SkuCategoryForm
        shops={shops}
        submitting={setSkuCategory.isPending}
        error={setSkuCategory.error}
        onSubmit={async (input) => {
          await setSkuCategory.mutateAsync(input);
          void message.success(
            input.category === ''
              ? t('warranty.category.removed', { sku: input.sku })
              : t('warranty.category.saved', { sku: input.sku, category: input.category }),
          );
        }}
      />
    </Flex>
  );
}
