import type { CaseType, OrderDto } from '../../bindings';
import { EligibilityPanel } from '../../components/cases/EligibilityPanel';
import { useEligibility } from '../../hooks/useEligibility';
import { GoodsClassSelect } from './GoodsClassSelect';

/** Whether each line of the order can take an after-sales request of the chosen type, asked of the engine line by line. */
export function OrderEligibility({
  order,
  caseType,
  onCaseTypeChange,
}: {
  order: OrderDto;
  caseType: CaseType;
  onCaseTypeChange: (caseType: CaseType) => void;
}) {
  const results = useEligibility(order.id, order.lines, caseType);
  return (
    <EligibilityPanel
      caseType={caseType}
      onCaseTypeChange={onCaseTypeChange}
      lineExtra={(line) => (line.sku !== null && line.sku !== '' ? <GoodsClassSelect key={line.sku} shopId={order.shop_id} sku={line.sku} /> : null)}
      lines={order.lines.map((line, index) => ({ line, data: results[index]?.data, error: results[index]?.error ?? null }))}
    />
  );
}
