import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairDetailDto, RepairPartDto } from '../../bindings';
import { Money } from '../../components/Money';
import { useAddRepairPart } from '../../hooks/useAddRepairPart';
import { useRemoveRepairPart } from '../../hooks/useRemoveRepairPart';
import { useErrorToast } from '../useErrorToast';
import { isAmount } from './text';

type PartValues = { part?: string; quantity?: number | null; cost?: string };

/** The parts used (add one by name, quantity and cost a piece; remove a wrong one), then parts, labour and the total. */
export function RepairParts({ detail }: { detail: RepairDetailDto }) {
  const { t } = useTranslation();
  const showError = useErrorToast();
  const [form] = Form.useForm<PartValues>();
  const addPart = useAddRepairPart();
  const removePart = useRemoveRepairPart();
  const { repair } = detail;
  const money = (amount: string) => <Money amount={amount} currency={repair.currency} />;

  const add = (values: PartValues) =>
    addPart.mutate(
      { repair_id: repair.id, part: values.part?.trim() ?? '', quantity: values.quantity ?? 1, cost: values.cost?.trim() || '0' },
      {
        onSuccess: () => form.resetFields(),
        onError: (error) => showError(error),
      },
    );

  const columns: TableColumnsType<RepairPartDto> = [
    { title: t('repairs.parts.part'), key: 'part', dataIndex: 'part' },
    { title: t('repairs.parts.quantity'), key: 'quantity', dataIndex: 'quantity', align: 'right' },
    { title: t('repairs.parts.cost'), key: 'cost', align: 'right', render: (_, part) => money(part.cost) },
    { title: t('repairs.parts.total'), key: 'total', align: 'right', render: (_, part) => money(part.total) },
    {
      key: 'remove',
      width: 48,
      render: (_, part) => (
        <Popconfirm
          title={t('repairs.parts.removeConfirm', { part: part.part })}
          okText={t('repairs.parts.remove')}
          cancelText={t('app.cancel')}
          onConfirm={() =>
            removePart.mutate({ repair_id: repair.id, part_id: part.id }, { onError: (error) => showError(error) })
          }
        >
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('repairs.parts.remove')} data-testid={`repair-part-remove-${part.id}`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Flex vertical gap="small" data-testid="repair-parts">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('repairs.parts.title')}
      </Typography.Title>
      <Table<RepairPartDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.parts}
        pagination={false}
        loading={removePart.isPending}
        locale={{ emptyText: t('repairs.parts.empty') }}
        summary={() => (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('repairs.parts.partsCost')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {money(detail.parts_cost)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('repairs.field.labour')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {money(detail.labour)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('repairs.parts.grandTotal')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="repair-total">
                  {money(repair.cost)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          </>
        )}
      />
      <Form<PartValues> form={form} layout="inline" initialValues={{ quantity: 1 }} onFinish={add} data-testid="repair-part-form">
        <Form.Item name="part" rules={[{ required: true, whitespace: true, message: t('repairs.parts.partRequired') }]}>
          <Input placeholder={t('repairs.parts.part')} aria-label={t('repairs.parts.part')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="quantity" rules={[{ required: true, message: t('repairs.parts.quantityRequired') }]}>
          <InputNumber min={1} max={10000} precision={0} aria-label={t('repairs.parts.quantity')} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item
          name="cost"
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('repairs.amountInvalid'))),
            },
          ]}
        >
          <Input
            inputMode="decimal"
            placeholder={t('repairs.parts.cost')}
            aria-label={t('repairs.parts.cost')}
            suffix={repair.currency}
            style={{ width: 150 }}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={addPart.isPending} data-testid="repair-part-add">
            {t('repairs.parts.add')}
          </Button>
        </Form.Item>
      </Form>
    </Flex>
  );
}
