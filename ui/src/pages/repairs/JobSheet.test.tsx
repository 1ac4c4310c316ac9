import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { repairDetail, repairSummary, warrantyUnit } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { JobSheet } from './JobSheet';

describe('JobSheet', () => {
  it('names the shop, the ticket and the warranty end, with parts, labour and the total', () => {
    renderIn(
      'en',
      <JobSheet
        detail={repairDetail({
          parts: [
            { id: 1, part: 'Display cable', quantity: 1, cost: '45.00', total: '45.00' },
            { id: 2, part: 'Screw set', quantity: 4, cost: '0.50', total: '2.00' },
          ],
          labour: '50.00',
          repair: repairSummary({ shop: 'Lin’s Phone Shop', cost: '97.00' }),
        })}
      />,
    );

    const sheet = screen.getByTestId('job-sheet');
    expect(within(sheet).getByTestId('job-sheet-shop')).toHaveTextContent('Lin’s Phone Shop');
    expect(within(sheet).getByTestId('job-sheet-number')).toHaveTextContent('R-00001');
    expect(within(sheet).getByTestId('job-sheet-warranty')).toHaveTextContent('In warranty, until Mar 1, 2027');
    expect(sheet).toHaveTextContent('Ada Lovelace');
    expect(sheet).toHaveTextContent('+1 555 0100');
    expect(sheet).toHaveTextContent('SN-0001');
    expect(sheet).toHaveTextContent('Screen flickers');
    expect(sheet).toHaveTextContent('Loose display connector');
    expect(within(sheet).getByText('Screw set')).toBeInTheDocument();
    expect(within(sheet).getByText('$50.00')).toBeInTheDocument();
    expect(within(sheet).getByTestId('job-sheet-total')).toHaveTextContent('$97.00');
    expect(sheet).toHaveTextContent('Warranty');
    expect(sheet).toHaveTextContent('Wang');
    expect(sheet).toHaveTextContent('Customer signature');
    expect(sheet).toHaveTextContent('Technician signature');
  });

  it('reads as a 维修单 in Chinese, and says when the unit has no warranty on file', () => {
    renderIn('zh-CN', <JobSheet detail={repairDetail({ unit: null, repair: repairSummary({ shop: '小林数码', payer: 'customer', currency: 'CNY' }) })} />);

    const sheet = screen.getByTestId('job-sheet');
    expect(within(sheet).getByTestId('job-sheet-shop')).toHaveTextContent('小林数码');
    expect(sheet).toHaveTextContent('维修单');
    expect(within(sheet).getByTestId('job-sheet-number')).toHaveTextContent('R-00001');
    expect(within(sheet).getByTestId('job-sheet-warranty')).toHaveTextContent('无保修登记');
    expect(sheet).toHaveTextContent('客户自费');
    expect(within(sheet).getByTestId('job-sheet-total')).toHaveTextContent('¥95.00');
  });

  it('shows an expired unit as out of warranty with its last day', () => {
    renderIn('zh-CN', <JobSheet detail={repairDetail({ unit: warrantyUnit({ status: 'out', last_day: '2025-06-30', stage: 'expired' }) })} />);

    expect(screen.getByTestId('job-sheet-warranty')).toHaveTextContent('已过保，截止 2025年6月30日');
  });
});
