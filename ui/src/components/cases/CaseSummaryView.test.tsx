import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseSummary, reasons } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CaseSummaryView } from './CaseSummaryView';

describe('CaseSummaryView', () => {
  it.each([
    ['en', 'quality.damaged', 'Damaged in transit'],
    ['zh-CN', 'quality.damaged', '运输破损'],
    ['en', 'other', 'Other'],
    ['zh-CN', 'buyer', '买家原因'],
  ] as const)('names a reason code from the tree (%s, %s)', (language, code, label) => {
    renderIn(language, <CaseSummaryView summary={caseSummary({ reason: code })} reasons={reasons()} />);
    expect(screen.getByTestId('case-reason')).toHaveTextContent(new RegExp(`^${label}$`));
    expect(screen.getByTestId('case-reason')).toHaveAttribute('data-reason-code', code);
  });

  it('shows a reason that is not a code of the tree as it came, like a platform reason', () => {
    renderIn('zh-CN', <CaseSummaryView summary={caseSummary({ reason: 'DEFECTIVE' })} reasons={reasons()} />);
    expect(screen.getByTestId('case-reason')).toHaveTextContent(/^DEFECTIVE$/);
    expect(screen.getByTestId('case-reason')).not.toHaveAttribute('data-reason-code');
  });

  it('shows the code as it is while the tree is not there, and a dash without a reason', () => {
    const { unmount } = renderIn('en', <CaseSummaryView summary={caseSummary({ reason: 'quality.damaged' })} reasons={undefined} />);
    expect(screen.getByTestId('case-reason')).toHaveTextContent(/^quality\.damaged$/);
    unmount();
    renderIn('en', <CaseSummaryView summary={caseSummary({ reason: null })} reasons={reasons()} />);
    expect(screen.queryByTestId('case-reason')).toBeNull();
  });
});
