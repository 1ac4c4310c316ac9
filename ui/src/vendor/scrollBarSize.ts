/**
 * Stands in for rc-util's `getScrollBarSize` (vite.config.ts aliases it). Ant Design's table measures the
 * scrollbar of its body each time one mounts, and rc-util does it by adding a style element, a scrolling div, then
 * removing both: each add and remove makes WebKit restyle the whole document. With the page's script interpreted
 * (src-tauri/src/web_engine.rs) that was the largest single cost of the due-soon page (three tables: 55 of 342
 * samples in WebKit's profile, ui/scripts/profile-page.mjs). A scrollbar's size depends only on the scrollbar
 * width the element asks for (no page here styles ::-webkit-scrollbar), so it is measured once per such width.
 */

type Size = { width: number; height: number };

const measured = new Map<string, Size>();

function measure(scrollbarWidth: string): Size {
  const known = measured.get(scrollbarWidth);
  if (known !== undefined) return known;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;left:0;top:0;width:100px;height:100px;overflow:scroll;visibility:hidden';
  if (scrollbarWidth !== '') probe.style.setProperty('scrollbar-width', scrollbarWidth);
  document.body.appendChild(probe);
  const size = { width: probe.offsetWidth - probe.clientWidth, height: probe.offsetHeight - probe.clientHeight };
  document.body.removeChild(probe);
  measured.set(scrollbarWidth, size);
  return size;
}

/** The page's scrollbar width (`fresh` measures again). */
export default function getScrollBarSize(fresh?: boolean): number {
  if (typeof document === 'undefined') return 0;
  if (fresh) measured.delete('');
  return measure('').width;
}

/** The scrollbar size of `target`, by the scrollbar width it asks for. */
export function getTargetScrollBarSize(target: HTMLElement | null | undefined): Size {
  if (typeof document === 'undefined' || !target || !(target instanceof Element)) return { width: 0, height: 0 };
  return measure(getComputedStyle(target).getPropertyValue('scrollbar-width'));
}
