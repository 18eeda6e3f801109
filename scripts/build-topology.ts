/**
 * Builds resources/kommuner.topo.json from the simplified kommun boundaries (test/fixtures/
 * sverige-kommuner.geojson, a copy of ../shared/data). TopoJSON stores each shared border once, so the
 * file the renderer and the printer carry is about a fifth of the GeoJSON. Run after the boundaries change:
 * `npx tsx scripts/build-topology.ts`; a unit test checks the committed file equals a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTopology } from './topology';

const root = resolve(import.meta.dirname, '..');
const source = JSON.parse(readFileSync(resolve(root, 'test/fixtures/sverige-kommuner.geojson'), 'utf8')) as unknown;
const out = resolve(root, 'resources/kommuner.topo.json');
const topology = buildTopology(source);
writeFileSync(out, JSON.stringify(topology));
console.log(`${out}: ${topology.objects.kommuner.geometries.length} kommuner`);
