import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';

/** What one chart draws: bars (grouped or stacked, vertical or horizontal) or lines. */
export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  /** Horizontal bars: long category names (consulates, grounds) stay readable. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Values are shares 0-100: the axis says %. */
  percent?: boolean;
}

export interface ChartSeries {
  label: string;
  data: (number | null)[];
}

/** Colours of the series, in order: the theme's greens and wheat, told apart also by their lightness. */
const COLOURS = [
  '#2e6b3f',
  '#c9a227',
  '#7fb38d',
  '#8a5a2b',
  '#4d7ea8',
  '#b0b0b0',
];

/**
 * A chart.js canvas, drawn once the page is rendered and redrawn when `spec` changes. chart.js is
 * imported on first use, so it travels with the analytics page only. Where the browser cannot draw
 * (no canvas or ResizeObserver, as in unit tests), nothing is drawn: the table under every chart
 * carries the same figures.
 */
@Component({
  selector: 'moi-chart',
  template: `<div class="frame" [style.height.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
  </div>`,
  styles: `
    .frame {
      position: relative;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly spec = input.required<ChartSpec>();
  /** What the chart shows, for screen readers (the table under it has the figures). */
  readonly label = input.required<string>();
  readonly height = input(280);

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;
  private drawing = 0;

  constructor() {
    afterRenderEffect(() => {
      const spec = this.spec();
      void this.draw(spec, this.canvas().nativeElement);
    });
    inject(DestroyRef).onDestroy(() => {
      this.drawing++;
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private async draw(
    spec: ChartSpec,
    canvas: HTMLCanvasElement,
  ): Promise<void> {
    // jsdom (unit tests) has neither ResizeObserver nor a 2D context.
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const run = ++this.drawing;
    const { Chart: ChartJs } = await import('./chart-registry');
    if (run !== this.drawing) {
      return;
    }
    this.chart?.destroy();
    this.chart = new ChartJs(canvas, configuration(spec));
  }
}

function configuration(spec: ChartSpec): ChartConfiguration {
  const valueAxis = {
    beginAtZero: true,
    stacked: spec.stacked ?? false,
    ...(spec.percent ? { max: 100, ticks: { callback: percentTick } } : {}),
  };
  // Every category named, even when the labels are long (chart.js would skip some).
  const categoryAxis = {
    stacked: spec.stacked ?? false,
    ticks: { autoSkip: false },
  };
  return {
    type: spec.kind,
    data: {
      // Long category names (consulates, refusal grounds) on several lines instead of cut off.
      labels: spec.horizontal ? spec.labels.map(wrapLabel) : spec.labels,
      datasets: spec.series.map((series, index) => ({
        label: series.label,
        data: series.data,
        backgroundColor: COLOURS[index % COLOURS.length],
        borderColor: COLOURS[index % COLOURS.length],
        spanGaps: true,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal
        ? { x: valueAxis, y: categoryAxis }
        : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
      },
    },
  };
}

/** "Informations incomplètes ou non fiables" -> ["Informations", "incomplètes ou non", "fiables"]. */
export function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

function percentTick(value: string | number): string {
  return `${value} %`;
}
