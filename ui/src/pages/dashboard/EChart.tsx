import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState, type CSSProperties } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

let canvasWorks: boolean | undefined;

/** Whether a 2D canvas can be drawn on (jsdom has none): without one the chart renders nothing. */
function canDraw(): boolean {
  if (canvasWorks === undefined) {
    try {
      canvasWorks =
        typeof HTMLCanvasElement !== 'undefined' &&
        typeof HTMLCanvasElement.prototype.getContext === 'function' &&
        !/jsdom/i.test(navigator.userAgent) &&
        document.createElement('canvas').getContext('2d') !== null;
    } catch {
      canvasWorks = false;
    }
  }
  return canvasWorks;
}

/**
 * An ECharts chart on a div: created when the div comes near the screen (the dashboard's charts sit below its
 * figures, and drawing three charts with the page's script interpreted cost more than the figures: see
 * src-tauri/src/web_engine.rs), given each new option, disposed on unmount.
 */
export function EChart({ option, style, testId }: { option: EChartOption; style?: CSSProperties; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const drawable = canDraw();
  const [near, setNear] = useState(false);

  useEffect(() => {
    if (!drawable || near || ref.current === null) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const watch = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: '200px' });
    watch.observe(ref.current);
    return () => watch.disconnect();
  }, [drawable, near]);

  useEffect(() => {
    if (!near || ref.current === null) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.setOption(latest.current, { notMerge: true });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [near]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  if (!drawable) return null;
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height: 280, ...style }} />;
}
