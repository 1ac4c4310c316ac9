import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProfileDraft, WordCode } from './profileDraft';

type WordCodeTableProps = {
  name: 'type_values' | 'status_values';
  title: string;
  /** Words of this column in the file's first rows: those not listed yet can be added with one click. */
  seen: string[];
};

/**
 * An after-sales profile's words → codes, editable in place: the export's word for a type or status and the
 * platform's code for it (kept as text). A new row comes first, where it is in sight.
 */
export function WordCodeTable({ name, title, seen }: WordCodeTableProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ProfileDraft>();
  const rows: WordCode[] = Form.useWatch(name, form) ?? [];
  const listed = new Set(rows.map((row) => row?.word?.trim()));
  const unlisted = seen.filter((word) => !listed.has(word));

  // Read when validating, not from this render: the table's cells need not render again for each keystroke.
  const wordTwice = (index: number, word: string) =>
    ((form.getFieldValue(name) as WordCode[] | undefined) ?? []).some((row, other) => other !== index && row?.word?.trim() === word.trim());

  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap="small" data-testid={`import-editor-${name}`}>
          <Flex justify="space-between" align="center" gap="small" wrap>
            <Typography.Text strong>{title}</Typography.Text>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ word: '', code: '' }, 0)}>
              {t('import.editor.addRow')}
            </Button>
          </Flex>
          {unlisted.length > 0 && (
            <Flex gap={4} wrap align="center">
              <Typography.Text type="secondary">{t('import.editor.seen')}</Typography.Text>
              {unlisted.map((word) => (
                <Tag key={word} icon={<PlusOutlined />} style={{ cursor: 'pointer' }} onClick={() => add({ word, code: '' }, 0)}>
                  {word}
                </Tag>
              ))}
            </Flex>
          )}
          <Table<FormListFieldData>
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            scroll={{ y: 180 }}
            columns={[
              {
                key: 'word',
                title: t('import.editor.word'),
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'word']}
                    style={{ marginBottom: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: t('import.editor.wordRequired') },
                      {
                        validator: (_rule, value: string | undefined) =>
                          value && wordTwice(field.name, value) ? Promise.reject(new Error(t('import.editor.wordTwice'))) : Promise.resolve(),
                      },
                    ]}
                  >
                    <Input size="small" aria-label={t('import.editor.word')} />
                  </Form.Item>
                ),
              },
              {
                key: 'code',
                title: t('import.editor.code'),
                width: '35%',
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'code']}
                    style={{ marginBottom: 0 }}
                    rules={[{ required: true, whitespace: true, message: t('import.editor.codeRequired') }]}
                  >
                    <Input size="small" aria-label={t('import.editor.code')} />
                  </Form.Item>
                ),
              },
              {
                key: 'remove',
                width: 48,
                render: (_, field) => (
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('import.editor.removeRow')}
                    title={t('import.editor.removeRow')}
                    onClick={() => remove(field.name)}
                  />
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Form.List>
  );
}
