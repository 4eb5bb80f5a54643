/** Geo distances the way Elasticsearch (behind Doofinder) measures them. */

/** Elasticsearch's mean earth radius, in meters. */
const EARTH_RADIUS_M = 6_371_008.7714;

/** Distance units Elasticsearch accepts; a bare number is in meters. */
const UNIT_METERS: Record<string, number> = {
  mi: 1609.344,
  miles: 1609.344,
  yd: 0.9144,
  yards: 0.9144,
  ft: 0.3048,
  feet: 0.3048,
  in: 0.0254,
  inch: 0.0254,
  km: 1000,
  kilometers: 1000,
  m: 1,
  meters: 1,
  cm: 0.01,
  centimeters: 0.01,
  mm: 0.001,
  millimeters: 0.001,
  nmi: 1852,
  nm: 1852,
  nauticalmiles: 1852,
};

/** "200km", "1.5mi", "300" (meters) → meters; null when not a distance. */
export function parseDistance(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!match) return null;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : UNIT_METERS[unit];
  return factor === undefined ? null : Number(match[1]) * factor;
}

export function haversineMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
