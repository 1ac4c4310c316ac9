import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, ShopDto, SkuCategoryInput } from '../../bindings';
import { ErrorAlert } from '../ErrorAlert';

export type SkuCategoryFormProps = {
  shops: ShopDto[];
  submitting: boolean;
  error: ApiError | null;
  /** Settles once the engine answers; on success the SKU and category boxes empty for the next one. */
  onSubmit: (input: SkuCategoryInput) => Promise<void>;
};

type Values = { shop_id: number | undefined; sku: string; category: string };

/** Files a SKU under a category, which a category-wide policy covers; an empty category takes it out again. */
export function SkuCategoryForm({ shops, submitting, error, onSubmit }: SkuCategoryFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = async (values: Values) => {
    try {
      await onSubmit({ shop_id: values.shop_id as number, sku: values.sku.trim(), category: values.category.trim() });
    } catch {
      return; // the error shows under the form
    }
    form.setFieldsValue({ sku: '', category: '' });
  };
  return (
    <Flex vertical gap="small" data-testid="sku-category-form">
      <Typography.Text type="secondary">{t('warranty.category.help')}</Typography.Text>
      <Form<Values>
        layout="inline"
        initialValues={{ shop_id: shops.length === 1 ? shops[0]?.id : undefined, sku: '', category: '' }}
        form={form}
        onFinish={(values) => void submit(values)}
      >
        {shops.length > 1 && (
          <Form.Item name="shop_id" rules={[{ required: true, message: t('warranty.category.shopRequired') }]}>
            <Select
              aria-label={t('warranty.category.shop')}
              placeholder={t('warranty.category.shop')}
              style={{ minWidth: 180 }}
              options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="sku" rules={[{ required: true, whitespace: true, message: t('warranty.category.skuRequired') }]}>
          <Input placeholder={t('warranty.category.sku')} aria-label={t('warranty.category.sku')} maxLength={120} />
        </Form.Item>
        <Form.Item name="category">
          <Input placeholder={t('warranty.category.category')} aria-label={t('warranty.category.category')} maxLength={80} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={submitting} data-testid="sku-category-save">
            {t('warranty.category.save')}
          </Button>
        </Form.Item>
      </Form>
      {error !== null && <ErrorAlert error={error} />}
    </Flex>
  );
}
