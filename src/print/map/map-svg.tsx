/** @jsxRuntime automatic */
/**
 * Draws a MapSpec as SVG: the same drawing on screen (with focus, hover and click) and in the printed
 * report (static). Focusable areas and symbols are buttons with the label as their name; printed, the
 * whole map is one image with the title and description.
 */
import type { KeyboardEvent } from 'react';
import type { MapSpec } from '../../shared/maps/spec';

export interface MapTarget {
  kind: 'area' | 'symbol' | 'cell';
  key: string;
  label: string;
}

export interface MapInteraction {
  /** Hover or keyboard focus (null when it leaves). */
  onHighlight(target: MapTarget | null): void;
  onActivate(target: MapTarget): void;
  /** The target currently highlighted (drawn with a heavier outline). */
  highlighted?: string | null | undefined;
}

function handlers(t: MapTarget, i: MapInteraction | undefined) {
  if (!i) return {};
  return {
    tabIndex: 0,
    role: 'button',
    'aria-label': t.label,
    onClick: () => i.onActivate(t),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        i.onActivate(t);
      }
    },
    onFocus: () => i.onHighlight(t),
    onBlur: () => i.onHighlight(null),
    onMouseEnter: () => i.onHighlight(t),
    onMouseLeave: () => i.onHighlight(null),
    style: { cursor: 'pointer' },
  };
}

const LABEL_STYLE = {
  fontSize: 11,
  fill: '#1a1a1a',
  stroke: '#ffffff',
  strokeWidth: 3,
  paintOrder: 'stroke',
  strokeLinejoin: 'round',
  pointerEvents: 'none',
} as const;

export function MapSvg(props: { spec: MapSpec; idPrefix: string; interaction?: MapInteraction | undefined }) {
  const { spec, idPrefix, interaction } = props;
  const hi = interaction?.highlighted ?? null;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return (
    <svg
      className="map-svg"
      viewBox={`0 0 ${spec.width} ${spec.height}`}
      width="100%"
      role={interaction ? 'group' : 'img'}
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-map={idPrefix}
    >
      <title id={titleId}>{spec.title}</title>
      <desc id={descId}>{spec.desc}</desc>
      <rect x={0} y={0} width={spec.width} height={spec.height} fill="#cfe3ef" />
      <g>
        {spec.areas.map((a) => {
          const key = `area-${a.code}`;
          const t: MapTarget | null = a.focus && a.label ? { kind: 'area', key: a.code, label: a.label } : null;
          return (
            <path
              key={key}
              d={a.d}
              fill={a.fill}
              stroke={a.focus ? '#333333' : '#9a9a9a'}
              strokeWidth={hi === a.code ? 2.5 : a.focus ? 1 : 0.6}
              strokeLinejoin="round"
              data-kommun={a.code}
              {...(t ? handlers(t, interaction) : {})}
            >
              {t && !interaction && <title>{t.label}</title>}
            </path>
          );
        })}
      </g>
      {spec.cells && (
        <g>
          {spec.cells.map((c) => (
            <path
              key={c.key}
              d={c.d}
              fill={c.fill}
              fillOpacity={0.85}
              stroke="#1a1a1a"
              strokeWidth={hi === c.key ? 2 : 0.6}
              data-cell={c.key}
              {...handlers({ kind: 'cell', key: c.key, label: c.label }, interaction)}
            />
          ))}
        </g>
      )}
      {spec.route && <path d={spec.route} fill="none" stroke="#6a3d9a" strokeWidth={2.5} strokeDasharray="6 3" />}
      {spec.symbols && (
        <g>
          {spec.symbols.map((s) => (
            <g key={s.key}>
              <circle
                cx={s.x}
                cy={s.y}
                r={s.r}
                fill={s.fill ?? '#08519c'}
                fillOpacity={0.72}
                stroke={hi === s.key ? '#000000' : '#ffffff'}
                strokeWidth={hi === s.key ? 2.5 : 1.2}
                data-symbol={s.key}
                {...handlers({ kind: 'symbol', key: s.key, label: s.label }, interaction)}
              />
              {s.text && (
                <text x={s.x + s.r + 3} y={s.y + 4} style={LABEL_STYLE}>
                  {s.text}
                </text>
              )}
            </g>
          ))}
        </g>
      )}
      <g aria-hidden="true">
        {spec.areas
          .filter((a) => a.focus)
          .map((a) => (
            <text key={a.code} x={a.labelAt[0]} y={a.labelAt[1]} textAnchor="middle" style={LABEL_STYLE}>
              {a.name}
            </text>
          ))}
      </g>
      <text x={spec.width - 6} y={spec.height - 6} textAnchor="end" style={{ ...LABEL_STYLE, fontSize: 10 }}>
        {spec.attribution}
      </text>
    </svg>
  );
}

/** The legend (class limits or symbol sizes) and the notes, as HTML under the map. */
export function MapLegend(props: { spec: MapSpec }) {
  const { spec } = props;
  return (
    <div className="map-legend">
      <p className="map-legend-title">{spec.legendTitle}</p>
      <ul>
        {spec.legend.map((item) => (
          <li key={item.label}>
            <svg
              width={item.radius ? item.radius * 2 + 4 : 18}
              height={item.radius ? item.radius * 2 + 4 : 14}
              aria-hidden="true"
            >
              {item.radius ? (
                <circle
                  cx={item.radius + 2}
                  cy={item.radius + 2}
                  r={item.radius}
                  fill={item.color}
                  fillOpacity={0.72}
                  stroke="#ffffff"
                />
              ) : (
                <rect x={0.5} y={0.5} width={17} height={13} fill={item.color} stroke="#555555" />
              )}
            </svg>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      {spec.notes.map((n) => (
        <p key={n} className="map-note">
          {n}
        </p>
      ))}
      <p className="map-attribution">{spec.attribution}</p>
    </div>
  );
}
