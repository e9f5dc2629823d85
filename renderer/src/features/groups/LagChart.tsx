// The one module that imports uPlot: GroupLagPanel loads it with React.lazy, so the chart library and
// its stylesheet sit in their own chunk and the main bundle does not grow.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { knownPoints, seriesColours, toAlignedData, type ChartData } from './lag-chart-model';

const HEIGHT = 220;
// Canvas strokes cannot read CSS variables; this grey reads on both the light and the dark theme.
const AXIS_COLOUR = '#868e96';
const MIN_WINDOW_S = 300;

function sampleWindow(times: ArrayLike<number> | undefined, min: number, max: number): [number, number] {
  const first = times && times.length > 0 ? times[0]! : min;
  const last = times && times.length > 0 ? times[times.length - 1]! : max;
  return [Math.min(first, last - MIN_WINDOW_S), last + 1];
}

export default function LagChart({ data, title }: { data: ChartData; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = data.series.map((series) => `${series.label}|${series.unit}`).join(',');

  // A new set of series needs a new chart; new samples only need setData.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const units = [...new Set(data.series.map((series) => series.unit))];
    const scaleOf = (unit: string) => (unit === 'records' ? 'records' : 'rate');
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: HEIGHT,
      series: [
        {},
        ...data.series.map((series, index) => ({
          label: series.label,
          stroke: seriesColours[index % seriesColours.length],
          width: 1.5,
          scale: scaleOf(series.unit),
          spanGaps: false,
          value: (_: uPlot, value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10}${series.unit === 'records/s' ? '/s' : ''}`),
        })),
      ],
      // From the samples themselves, at least five minutes wide: uPlot widens a single point's range by
      // 86,400 of its time units (years, with seconds), which would squash the first samples to a dot.
      scales: { x: { time: true, range: (self: uPlot, min: number, max: number) => sampleWindow(self.data[0], min, max) } },
      axes: [
        { stroke: AXIS_COLOUR },
        ...units.map((unit, index) => ({ scale: scaleOf(unit), side: index === 0 ? 3 : 1, label: unit, stroke: AXIS_COLOUR, grid: { show: index === 0 } })),
      ],
      legend: { show: true },
    };
    chart.current = new uPlot(options, toAlignedData(data), element);
    const resize = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
    // `data` updates go through setData below; only the shape rebuilds the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    chart.current?.setData(toAlignedData(data));
  }, [data]);

  return <div ref={container} role="figure" aria-label={title} data-testid="lag-chart" data-series={data.series.length} data-points={knownPoints(data)} style={{ width: '100%' }} />;
}
