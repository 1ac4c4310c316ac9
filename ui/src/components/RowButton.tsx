import type { ReactNode } from 'react';
import './RowButton.css';

/**
 * A row's action button: looks like Ant Design's small button, costs a native one. A page of a ledger carries
 * four on each of its rows, and Ant Design's button (style hooks, wave, size and spacing effects) made those
 * the larger part of the warranty page's time to its rows with the page's script interpreted
 * (src-tauri/src/web_engine.rs): 345 → 279 ms without them, measured in Chromium without its JIT.
 */
export function RowButton({
  icon,
  danger = false,
  onClick,
  testId,
  children,
}: {
  icon?: ReactNode;
  danger?: boolean;
  onClick: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className={danger ? 'row-button row-button-danger' : 'row-button'} data-testid={testId} onClick={onClick}>
      {icon}
      <span>{children}</span>
    </button>
  );
}
