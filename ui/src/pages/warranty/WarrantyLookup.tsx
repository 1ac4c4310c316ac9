import { Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lookupInput, type Lookup } from '../../components/warranty/lookup';
import { LookupBox } from '../../components/warranty/LookupBox';
import { ReplacementChain } from '../../components/warranty/ReplacementChain';
import { replacementChains } from '../../components/warranty/replacementChains';
import { UnitActionButtons, type UnitAction } from '../../components/warranty/UnitActionButtons';
import { UnitCard } from '../../components/warranty/UnitCard';
import { useWarrantyLookup } from '../../hooks/useWarrantyLookup';

/** The lookup box and what it found: each unit's warranty today, replacements as a chain from first sold to current. */
export function WarrantyLookup({ onAction }: { onAction: (unit: WarrantyUnitDto, action: UnitAction) => void }) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const found = useWarrantyLookup(lookup === null ? null : lookupInput(lookup));

  const submit = (next: Lookup) => {
    // The same code scanned again is asked again: the answer may have changed since (a unit replaced elsewhere).
    if (lookup !== null && lookup.by === next.by && lookup.value === next.value) {
      void found.refetch();
    } else {
      setLookup(next);
    }
  };

  return (
    <Flex vertical gap="middle">
      <LookupBox onSubmit={submit} />
      {found.error !== null && <ErrorAlert error={found.error} />}
      {lookup !== null && found.isLoading && <Spin />}
      {lookup !== null && found.data !== undefined && (
        <LookupResult query={t(`warranty.lookup.query.${lookup.by}`, { value: lookup.value })} units={found.data.units} onAction={onAction} />
      )}
    </Flex>
  );
}

function LookupResult({
  query,
  units,
  onAction,
}: {
  query: string;
  units: WarrantyUnitDto[];
  onAction: (unit: WarrantyUnitDto, action: UnitAction) => void;
}) {
  const { t } = useTranslation();
  if (units.length === 0) {
    return (
      <div data-testid="warranty-lookup-result" data-count={0}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical>
              <Typography.Text data-testid="warranty-lookup-empty">{t('warranty.lookup.nothing', { query })}</Typography.Text>
              <Typography.Text type="secondary">{t('warranty.lookup.nothingHint')}</Typography.Text>
            </Flex>
          }
        />
      </div>
    );
  }
  const serials = new Map(units.map((unit) => [unit.id, unit.serial]));
  return (
    <Flex vertical gap="middle" data-testid="warranty-lookup-result" data-count={units.length}>
      <Typography.Text type="secondary">{t('warranty.lookup.found', { count: units.length, query })}</Typography.Text>
      {replacementChains(units).map((chain) => (
        <Flex vertical gap="small" key={chain[0]!.id}>
          {chain.length > 1 && (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('warranty.lookup.chain')}</Typography.Text>
              <ReplacementChain chain={chain} />
            </Flex>
          )}
          {chain.map((unit) => (
            <UnitCard key={unit.id} unit={unit} serials={serials} actions={<UnitActionButtons unit={unit} onAction={onAction} />} />
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
