import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClockDto } from '../../bindings';
import type { Language } from '../../i18n/languages';
import { clock, rule } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { CountdownChip } from './CountdownChip';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const MINUTE = 60_000;
const dueIn = (minutes: number) => new Date(NOW + minutes * MINUTE).toISOString();

beforeEach(() => {
  // Only the clock is faked: antd and React keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

type Row = [string, Partial<ClockDto>, { en: string; 'zh-CN': string }, string, string];

const CASES: Row[] = [
  ['days left: green', { due: dueIn(2 * 24 * 60 + 3 * 60 + 12) }, { en: '2 d 3 h', 'zh-CN': '剩 2 天 3 小时' }, 'ok', 'green'],
  ['a whole day: green', { due: dueIn(24 * 60) }, { en: '1 d', 'zh-CN': '剩 1 天' }, 'ok', 'green'],
  ['under 24 h: gold', { due: dueIn(23 * 60 + 5) }, { en: '23 h 5 m', 'zh-CN': '剩 23 小时 5 分' }, 'soon', 'gold'],
  ['exactly 4 h: still gold', { due: dueIn(4 * 60) }, { en: '4 h', 'zh-CN': '剩 4 小时' }, 'soon', 'gold'],
  ['under 4 h: orange', { due: dueIn(3 * 60 + 12) }, { en: '3 h 12 m', 'zh-CN': '剩 3 小时 12 分' }, 'urgent', 'orange'],
  ['minutes: orange', { due: dueIn(45) }, { en: '45 m', 'zh-CN': '剩 45 分' }, 'urgent', 'orange'],
  ['under a minute: orange', { due: new Date(NOW + 20_000).toISOString() }, { en: '< 1 m', 'zh-CN': '剩 不到 1 分' }, 'urgent', 'orange'],
  ['past due: red', { due: dueIn(-120) }, { en: 'Overdue 2 h', 'zh-CN': '已超时 2 小时' }, 'overdue', 'red'],
  ['breached: red', { due: dueIn(-(26 * 60)), outcome: 'breached' }, { en: 'Overdue 1 d 2 h', 'zh-CN': '已超时 1 天 2 小时' }, 'overdue', 'red'],
  ['paused: grey', { due: dueIn(30), paused: true }, { en: 'Paused', 'zh-CN': '已暂停' }, 'paused', 'default'],
];

function chip(): HTMLElement {
  return screen.getByTestId('countdown-chip');
}

describe('CountdownChip', () => {
  for (const language of ['en', 'zh-CN'] as const satisfies Language[]) {
    it.each(CASES)(`${language}: %s`, (_why, overrides, texts, state, color) => {
      renderIn(language, <CountdownChip clock={clock(overrides)} />);

      expect(chip(), 'the time left in words').toHaveTextContent(texts[language]);
      expect(chip()).toHaveAttribute('data-state', state);
      if (color === 'default') {
        expect(chip().className, 'paused is the plain grey tag').not.toMatch(/ant-tag-(red|orange|gold|green)/);
      } else {
        expect(chip(), `a ${color} chip`).toHaveClass(`ant-tag-${color}`);
      }
    });
  }

  it('counts down every 30 s without a refetch', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    renderIn('en', <CountdownChip clock={clock({ due: dueIn(4 * 60 + 1) })} />);
    expect(chip()).toHaveTextContent('4 h 1 m');
    expect(chip()).toHaveClass('ant-tag-gold');

    act(() => vi.advanceTimersByTime(30_000));
    expect(chip(), 'half a minute later: 4 h 0 m 30 s left').toHaveTextContent(/^4 h$/);
    expect(chip()).toHaveClass('ant-tag-gold');

    act(() => vi.advanceTimersByTime(60_000));
    expect(chip(), 'a minute after that').toHaveTextContent('3 h 59 m');
    expect(chip(), 'under 4 h left now').toHaveClass('ant-tag-orange');

    act(() => vi.advanceTimersByTime((4 * 60 + 3) * MINUTE));
    expect(chip(), 'due 4 h 1 m after the start, now 4 h 4 m 30 s after it').toHaveTextContent('Overdue 3 m');
    expect(chip()).toHaveClass('ant-tag-red');
  });

  it.each<[Language, string[]]>([
    ['en', ['Answer the request', 'If missed: platform refunds the buyer', 'as of Nov 1, 2026', 'Official']],
    ['zh-CN', ['处理申请', '超时后果：平台自动退款', '截至 2026年11月1日', '官方']],
  ])('explains the deadline on hover in %s: kind, due time, consequence, rule source, as-of and confidence', async (language, texts) => {
    renderIn(language, <CountdownChip clock={clock({ due: dueIn(90) })} />);

    fireEvent.mouseEnter(chip());

    const info = await screen.findByTestId('clock-info');
    for (const text of texts) {
      expect(info, text).toHaveTextContent(text);
    }
    expect(info, 'the rule source as the pack says it').toHaveTextContent(rule().source);
    expect(info, 'the due time').toHaveTextContent(language === 'en' ? 'Due Nov 10, 2026' : '截止 2026年11月10日');
  });

  it('names a platform-given deadline and an unverified rule in the tooltip', async () => {
    const { unmount } = renderIn('en', <CountdownChip clock={clock({ source: 'platform_field', rule: null, consequence: 'auto_close', kind: 'buyer_ship_back' })} />);
    fireEvent.mouseEnter(chip());
    const info = await screen.findByTestId('clock-info');
    expect(info).toHaveTextContent('Buyer ships back');
    expect(info).toHaveTextContent("Platform's own deadline");
    expect(info).toHaveTextContent('If missed: request closes');
    unmount();

    renderIn('zh-CN', <CountdownChip clock={clock({ rule: rule({ confidence: 'unverified' }), kind: 'escalation_window', consequence: 'escalation_lost' })} />);
    fireEvent.mouseEnter(chip());
    const zh = await screen.findByTestId('clock-info');
    expect(zh).toHaveTextContent('买家可申请介入');
    expect(zh).toHaveTextContent('买家失去介入机会');
    expect(zh).toHaveTextContent('未核实');
  });
});
