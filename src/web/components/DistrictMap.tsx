import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { scaleQuantize } from 'd3-scale';
import { useMemo } from 'react';

export type AreaFeature = { type: 'Feature'; properties: { code: string; name_en: string; name_bn?: string }; geometry: GeoPermissibleObjects };
export type AreaCollection = { type: 'FeatureCollection'; features: AreaFeature[] };

type Ring = number[][];
type Shape = { type: string; coordinates: unknown };

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo, working on the sphere, reads
 * that as "everything but the district" and would paint the whole map. A polygon whose area
 * comes out larger than a hemisphere is turned round.
 */
function windForD3(geometry: GeoPermissibleObjects): GeoPermissibleObjects {
  const g = geometry as unknown as Shape;
  const polygon = (rings: Ring[]): Ring[] => (geoArea({ type: 'Polygon', coordinates: rings } as GeoPermissibleObjects) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates as Ring[]) } as GeoPermissibleObjects;
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: (g.coordinates as Ring[][]).map(polygon) } as GeoPermissibleObjects;
  return geometry;
}

/** Where the map comes from (the country's district boundaries; a country without them gets the tables only). */
export async function districtShapes(): Promise<AreaCollection | null> {
  const res = await fetch('/api/v1/geo/geojson/2');
  return res.ok ? ((await res.json()) as AreaCollection) : null;
}

const WIDTH = 320;
const HEIGHT = 400;
const SHADES = ['#eef4fb', '#c6dbef', '#85b6dc', '#3f86c4', '#0b4f8c'];

/**
 * A choropleth of the districts, drawn from the shipped GeoJSON (works offline): shade by value,
 * a red outline where a district is flagged (a spike, seats over capacity), hatched where the
 * value is hidden (a small cell). Each district is a focusable button named by `describe`; the
 * table beside it carries the same numbers for screen readers and small screens.
 */
export function DistrictMap({ shapes, values, flagged, selected, onSelect, describe, label, legend }: {
  shapes: AreaCollection;
  values: ReadonlyMap<string, number | null>;
  flagged: ReadonlySet<string>;
  selected: string | null;
  onSelect: (code: string | null) => void;
  /** The district's name and value as a sentence, for its button and tooltip. */
  describe: (code: string, value: number | null | undefined) => string;
  /** The map's name, and the legend under it given the largest value. */
  label: string;
  legend: (max: number) => string;
}) {
  const paths = useMemo(() => {
    const features = shapes.features.map((f) => ({ ...f, geometry: windForD3(f.geometry) }));
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features } as unknown as GeoPermissibleObjects);
    const path = geoPath(projection);
    return features.map((f) => ({ code: f.properties.code, d: path(f.geometry) ?? '' }));
  }, [shapes]);
  const max = Math.max(1, ...[...values.values()].map((v) => v ?? 0));
  const shade = scaleQuantize<string>().domain([0, max]).range(SHADES);
  return (
    <figure className="district-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label}>
        <defs>
          <pattern id="hidden-cell" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f3f3f3" /><line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" strokeWidth="2" />
          </pattern>
        </defs>
        {paths.map(({ code, d }) => {
          const v = values.get(code);
          const text = describe(code, v);
          return (
            <path key={code} d={d} role="button" tabIndex={0} aria-label={text} aria-pressed={selected === code}
              fill={v === null ? 'url(#hidden-cell)' : shade(v ?? 0)}
              stroke={flagged.has(code) ? '#c62828' : selected === code ? '#111' : '#fff'} strokeWidth={flagged.has(code) || selected === code ? 2 : 0.6}
              onClick={() => onSelect(selected === code ? null : code)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(selected === code ? null : code); } }}>
              <title>{text}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="hint">{legend(max)}</figcaption>
    </figure>
  );
}
