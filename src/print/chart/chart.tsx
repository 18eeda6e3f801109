/** @jsxRuntime automatic */
/** A figure's chart as inline SVG, drawn by type. */
import type { ChartSpec } from '../../shared/report';
import { Bars } from './bars';
import { Heatmap } from './heatmap';
import { Lines } from './lines';

export function Chart(props: { spec: ChartSpec; title: string; desc: string; figureId: string }) {
  const { spec, title, desc, figureId } = props;
  switch (spec.type) {
    case 'bars':
      return <Bars spec={spec} title={title} desc={desc} />;
    case 'lines':
      return <Lines spec={spec} title={title} desc={desc} />;
    case 'heatmap':
      return <Heatmap spec={spec} title={title} desc={desc} idPrefix={`chart-${figureId}`} />;
  }
}
