import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleDto } from '../../bindings';
import { RuleSourceText } from '../cases/RuleSource';
import { isOverridden } from './ruleDuration';
import { RuleMinutes } from './RuleMinutes';
import { RuleMinutesForm } from './RuleMinutesForm';
import { rulesByPack, type RuleRow } from './rulePacks';

export type RulesTableProps = {
  rules: RuleDto[];
  /** The rule whose number is being edited in place, if any. */
  editing: string | null;
  /** The rule whose change the engine has not answered yet, if any. */
  saving: string | null;
  onEdit: (ruleId: string) => void;
  onCancel: () => void;
  onSave: (ruleId: string, minutes: number) => void;
  /** Back to the shipped number. */
  onRestore: (ruleId: string) => void;
};

/**
 * Every rule of every pack, grouped by pack: the deadline, the case types it covers, the time it allows (the
 * merchant's own number, with the shipped one beside it), what follows when it is missed, and its source.
 */
export function RulesTable({ rules, editing, saving, onEdit, onCancel, onSave, onRestore }: RulesTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RuleRow> = [
    {
      title: t('rules.column.pack'),
      key: 'pack',
      width: 140,
      onCell: (rule) => ({ rowSpan: rule.packRowSpan }),
      render: (_, rule) => (
        <Typography.Text strong data-testid="rule-pack">
          {rule.pack_name}
        </Typography.Text>
      ),
    },
    { title: t('rules.column.kind'), key: 'kind', render: (_, rule) => t(`clockKind.${rule.kind}`) },
    {
      title: t('rules.column.caseTypes'),
      key: 'caseTypes',
      render: (_, rule) => (
        <Flex gap={4} wrap>
          {rule.case_types.map((type) => (
            <Tag key={type} style={{ marginInlineEnd: 0 }}>
              {t(`caseType.${type}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('rules.column.minutes'),
      key: 'minutes',
      width: 200,
      render: (_, rule) =>
        editing === rule.id ? (
          <RuleMinutesForm
            rule={rule}
            saving={saving === rule.id}
            onSave={(minutes) => onSave(rule.id, minutes)}
            onCancel={onCancel}
          />
        ) : (
          <RuleMinutes rule={rule} />
        ),
    },
    { title: t('rules.column.consequence'), key: 'consequence', render: (_, rule) => t(`consequence.${rule.consequence}`) },
    {
      title: t('rules.column.source'),
      key: 'source',
      width: '30%',
      render: (_, rule) => <RuleSourceText source={rule.source} asOf={rule.as_of} confidence={rule.confidence} />,
    },
    {
      title: t('rules.column.actions'),
      key: 'actions',
      render: (_, rule) => (
        <Flex vertical gap={4} align="start">
          <Button size="small" data-testid="rule-edit" disabled={editing === rule.id} onClick={() => onEdit(rule.id)}>
            {t('rules.edit')}
          </Button>
          {isOverridden(rule) && (
            <Button size="small" data-testid="rule-restore" loading={saving === rule.id && editing !== rule.id} onClick={() => onRestore(rule.id)}>
              {t('rules.restore')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <div data-testid="rules-table">
      <Table<RuleRow>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={rulesByPack(rules)}
        pagination={false}
        onRow={rowProps}
        locale={{ emptyText: t('rules.empty') }}
      />
    </div>
  );
}

/** Each row names its rule in `data-rule-id`. */
function rowProps(rule: RuleRow): HTMLAttributes<HTMLElement> {
  return { 'data-rule-id': rule.id } as HTMLAttributes<HTMLElement>;
}
