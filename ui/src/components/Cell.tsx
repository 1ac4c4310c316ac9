import type { HTMLAttributes, ReactNode } from 'react';
import './cell.css';

/*
 * Plain elements for what a long list repeats in every cell: a second line in grey, lines stacked. Ant Design's
 * Typography and Flex run style and measuring hooks for each one; with the page's script interpreted
 * (src-tauri/src/web_engine.rs) those were an eighth of the warranty page's time to its rows (309 → 271 ms,
 * Chromium without its JIT). Forms, cards and headings keep Ant Design's own.
 */

type DataAttributes = { [attribute: `data-${string}`]: string | number | undefined };

/** Secondary text (or a warning) in a table cell. */
export function Muted({ warning = false, children, ...rest }: { warning?: boolean; children: ReactNode } & DataAttributes) {
  return (
    <span className={warning ? 'muted-warning' : 'muted'} {...rest}>
      {children}
    </span>
  );
}

/** Text in red: money that went back to the buyer. */
export function Danger({ children }: { children: ReactNode }) {
  return <span className="danger-text">{children}</span>;
}

/** A link-coloured text that opens something in the desk (the row's click does the opening). */
export function LinkText({ children, onClick }: { children: ReactNode; onClick?: () => void }) {
  return (
    <a className="link" role={onClick ? 'button' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}

/** A serial or code, set in monospace on a grey ground. */
export function Code({ children, ...rest }: { children: ReactNode } & DataAttributes) {
  return (
    <code className="code" {...rest}>
      {children}
    </code>
  );
}

/** Lines under each other in a cell, or side by side (`inline`) where there is room. */
export function Stack({ inline = false, children, ...rest }: { inline?: boolean; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={inline ? 'inline' : 'stack'} {...rest}>
      {children}
    </div>
  );
}
