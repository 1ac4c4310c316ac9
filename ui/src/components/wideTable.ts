import './wideTable.css';

/**
 * The class of a long list that may be wider than the window: it scrolls sideways in its own box. Not Ant Design's
 * `scroll.x`, which measures every column and the scroll position on each mount (three layouts of the whole table
 * per page in WebKit; the warranty ledger's first rows 329–408 → 271–330 ms with JavaScript interpreted).
 */
export const WIDE_TABLE = 'wide-table';
