import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backend/Backend';
import type { OutboxAttentionDto, OutboxListInput } from '../bindings';
import { outboxEntry } from '../test/fixtures';
import { renderIn } from '../test/render';
import { OutboxBadge } from './OutboxBadge';

function attentionBackend(attention: OutboxAttentionDto) {
  const stuck = [
    outboxEntry({ id: 5, case_id: 12, action: 'close', state: 'sent', last_error: 'HTTP 401', error_code: 'credentials', needs_attention: true }),
  ];
  const refused = [
    outboxEntry({ id: 6, case_id: 14, action: 'reject', state: 'refused', platform_message: 'The return is already closed', needs_attention: true }),
    outboxEntry({ id: 7, case_id: 15, action: 'refund', state: 'refused', platform_message: 'Amount too high', needs_attention: true }),
  ];
  const calls = {
    outboxAttention: vi.fn(async () => attention),
    listOutbox: vi.fn(async ({ state }: OutboxListInput) => (state === 'stuck' ? stuck : state === 'refused' ? refused : [])),
  };
  const backend = new Proxy(calls as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, ...calls };
}

describe('OutboxBadge', () => {
  it('counts the answers stuck or refused, lists them on a click, and opens a case', async () => {
    const { backend, listOutbox } = attentionBackend({ stuck: 1, refused: 2 });
    const onOpen = vi.fn();
    renderIn('en', <OutboxBadge enabled onOpen={onOpen} />, backend);

    const badge = await screen.findByTestId('outbox-badge');
    await waitFor(() => expect(badge.querySelector('.ant-scroll-number')).toHaveAttribute('title', '3'));
    expect(listOutbox, 'the lists are read only when opened').not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '3 answers to the platforms need attention' }));
    const list = await screen.findByTestId('outbox-attention-list');
    await waitFor(() => expect(within(list).getAllByTestId('outbox-attention-item')).toHaveLength(3));
    expect(listOutbox).toHaveBeenCalledWith({ state: 'stuck', limit: 50 });
    expect(listOutbox).toHaveBeenCalledWith({ state: 'refused', limit: 50 });
    const stuck = within(list).getByTestId('outbox-attention-stuck');
    expect(within(stuck).getByText('Not through yet')).toBeInTheDocument();
    expect(stuck).toHaveTextContent('reconnect the shop under Shops → Edit');
    const refused = within(list).getByTestId('outbox-attention-refused');
    expect(within(refused).getByText('Refused: The return is already closed')).toBeInTheDocument();

    fireEvent.click(within(refused).getByRole('button', { name: 'Case #14' }));
    expect(onOpen).toHaveBeenCalledWith(14);
  });

  it('says it in Chinese', async () => {
    const { backend } = attentionBackend({ stuck: 0, refused: 2 });
    renderIn('zh-CN', <OutboxBadge enabled onOpen={() => undefined} />, backend);

    fireEvent.click(await screen.findByRole('button', { name: '有 2 条发往平台的答复需要处理' }));
    const list = await screen.findByTestId('outbox-attention-list');
    expect(await within(list).findByText('平台拒绝：Amount too high')).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: '售后单 #15' })).toBeInTheDocument();
  });

  it('is not there while nothing needs the merchant', async () => {
    const { backend, outboxAttention } = attentionBackend({ stuck: 0, refused: 0 });
    renderIn('en', <OutboxBadge enabled onOpen={() => undefined} />, backend);
    await waitFor(() => expect(outboxAttention).toHaveBeenCalled());
    expect(screen.queryByTestId('outbox-badge')).not.toBeInTheDocument();
  });
});
