import type { CaseSummaryDto } from '../../bindings';
import { Stack } from '../Cell';
import { PlatformTag } from '../PlatformTag';

/** The case's shop with its platform. */
export function CaseShop({ summary }: { summary: Pick<CaseSummaryDto, 'shop' | 'platform'> }) {
  return (
    <Stack inline>
      <span>{summary.shop}</span>
      <PlatformTag platform={summary.platform} />
    </Stack>
  );
}
