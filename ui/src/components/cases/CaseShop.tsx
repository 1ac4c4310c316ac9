import { Flex } from 'antd';
import type { CaseSummaryDto } from '../../bindings';
import { PlatformTag } from '../PlatformTag';

/** The case's shop with its platform. */
export function CaseShop({ summary }: { summary: Pick<CaseSummaryDto, 'shop' | 'platform'> }) {
  return (
    <Flex gap={4} align="center" wrap>
      <span>{summary.shop}</span>
      <PlatformTag platform={summary.platform} />
    </Flex>
  );
}
