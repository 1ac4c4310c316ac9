import { Flex, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddShopInput, ApiError, Platform } from '../bindings';
import { ErrorAlert } from './ErrorAlert';
import { isAcceptableShopUrl } from './shopUrl';

/** The platforms a shop can be connected on from this form today. */
const CONNECTABLE: Platform[] = ['shopify'];

export type ConnectShopModalProps = {
  open: boolean;
  submitting: boolean;
  error: ApiError | null;
  onSubmit: (input: AddShopInput) => void;
  onCancel: () => void;
};

/** The form that connects a shop: platform, name, address and access token. */
export function ConnectShopModal({ open, submitting, error, onSubmit, onCancel }: ConnectShopModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddShopInput>();
  return (
    <Modal
      open={open}
      title={t('connect.title')}
      okText={t('connect.submit')}
      cancelText={t('connect.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Flex vertical gap="middle">
        <Form<AddShopInput>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ platform: 'shopify' }}
          onFinish={(values) =>
            onSubmit({
              platform: values.platform,
              name: values.name.trim(),
              base_url: values.base_url.trim(),
              token: values.token.trim(),
            })
          }
        >
          <Form.Item name="platform" label={t('connect.platform')}>
            <Select options={CONNECTABLE.map((platform) => ({ value: platform, label: t(`platform.${platform}`) }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('connect.name')}
            rules={[{ required: true, whitespace: true, message: t('connect.nameRequired') }]}
          >
            <Input placeholder={t('connect.namePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="base_url"
            label={t('connect.url')}
            rules={[
              { required: true, whitespace: true, message: t('connect.urlRequired') },
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || isAcceptableShopUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('connect.urlInvalid'))),
              },
            ]}
          >
            <Input placeholder="https://NAME.myshopify.com" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="token"
            label={t('connect.token')}
            extra={t('connect.tokenHelp')}
            rules={[{ required: true, whitespace: true, message: t('connect.tokenRequired') }]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        </Form>
        {error !== null && <ErrorAlert error={error} />}
      </Flex>
    </Modal>
  );
}
