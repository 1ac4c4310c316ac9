import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReasonDto, ReasonInput } from '../../bindings';
import { useLanguage } from '../../i18n/useLanguage';
import { reasonGroups, reasonLabel } from './reasonTree';

/** The group choice that makes the new reason a group of its own (no reason code is empty). */
export const NEW_GROUP = '';

export type AddReasonFormProps = {
  reasons: ReasonDto[];
  saving: boolean;
  onSubmit: (input: ReasonInput) => void;
};

type Values = { parent: string; label_zh?: string; label_en?: string };

function trimmed(value: string | undefined): string {
  return value?.trim() ?? '';
}

/** A new reason: under one of the groups or as a new group, named in Chinese and in English (one is enough). */
export function AddReasonForm({ reasons, saving, onSubmit }: AddReasonFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const groups = reasonGroups(reasons);
  const groupOptions = [
    ...groups.map((group) => ({ value: group.code, label: reasonLabel(group, language) })),
    { value: NEW_GROUP, label: t('reasons.newGroup') },
  ];
  const finish = (values: Values) =>
    onSubmit({
      parent: values.parent === NEW_GROUP ? null : values.parent,
      label_zh: trimmed(values.label_zh),
      label_en: trimmed(values.label_en),
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ parent: groups[0]?.code ?? NEW_GROUP }}
      onFinish={finish}
      data-testid="add-reason-form"
    >
      <Flex gap="small" wrap align="start">
        <Form.Item name="parent" label={t('reasons.group')} style={{ minWidth: 200 }}>
          <Select<string> options={groupOptions} />
        </Form.Item>
        <Form.Item
          name="label_zh"
          label={t('reasons.labelZh')}
          dependencies={['label_en']}
          style={{ minWidth: 200 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                trimmed(value) === '' && trimmed(getFieldValue('label_en') as string | undefined) === ''
                  ? Promise.reject(new Error(t('reasons.labelRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input lang="zh-CN" />
        </Form.Item>
        <Form.Item name="label_en" label={t('reasons.labelEn')} style={{ minWidth: 200 }}>
          <Input lang="en" />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('reasons.add')}
      </Button>
    </Form>
  );
}
