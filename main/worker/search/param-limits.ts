/**
 * The limits search-api-v5.md sets, checked before anything is sent so the tester can say
 * why next to the field at fault (`details.field` names the SearchParamsView field).
 */
import type { SearchFilterClause, SearchParamsView, SearchSortClause } from '../../../preload/contract';
import { AppError } from '../../errors';

/** "It can't be longer than 200 characters." */
export const MAX_QUERY_LENGTH = 200;
/** "It can't be bigger than 100." */
export const MAX_RPP = 100;
/** "You can't fetch more than 1000 search results in total." */
export const MAX_RESULTS = 1000;

const POINT = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
/** Elasticsearch's distance units, the ones Doofinder's geo filter passes on. */
const DISTANCE = /^\d+(?:\.\d+)?\s*(?:km|mi|m|yd|ft|in|cm|mm|nmi|NM|kilometers|miles|meters)$/;

type ClauseList = 'filters' | 'excludes';

function refuse(message: string, details: Record<string, unknown>): never {
  throw new AppError('invalid_input', message, details);
}

/** "lat,lon" with a latitude within ±90 and a longitude within ±180; null if not one. */
export function pointProblem(point: string): string | null {
  const match = POINT.exec(point);
  if (!match) return `"${point}" is not a position: write it as latitude,longitude, like 40.4,-3.7.`;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90) return `The latitude ${lat} is out of range: it goes from -90 to 90.`;
  if (Math.abs(lon) > 180) return `The longitude ${lon} is out of range: it goes from -180 to 180.`;
  return null;
}

function checkClause(list: ClauseList, clause: SearchFilterClause, index: number): void {
  const at = { field: list, index, name: clause.field };
  const where = list === 'filters' ? 'filter' : 'exclusion';
  if (clause.kind === 'terms' && clause.values.length === 0) {
    refuse(`The ${where} on ${clause.field} has no values: pick at least one.`, at);
  }
  if (clause.kind === 'range') {
    const bounds = [clause.gt, clause.gte, clause.lt, clause.lte].filter(
      (bound) => bound !== undefined && bound !== '',
    );
    if (bounds.length === 0) refuse(`The range ${where} on ${clause.field} has no bound: set gt, gte, lt or lte.`, at);
  }
  if (clause.kind === 'geo') {
    if (clause.distance.trim() === '' || clause.point.trim() === '') {
      refuse(`The distance ${where} on ${clause.field} needs both a distance and a point.`, at);
    }
    if (!DISTANCE.test(clause.distance.trim())) {
      refuse(`The distance "${clause.distance}" is not a distance Doofinder reads: write it like 200km or 5mi.`, at);
    }
    const problem = pointProblem(clause.point);
    if (problem) refuse(problem, at);
  }
}

function checkClauses(list: ClauseList, clauses: SearchFilterClause[]): void {
  clauses.forEach((clause, index) => checkClause(list, clause, index));
  const geo = clauses.filter((clause) => clause.kind === 'geo');
  // The API takes one geo_distance object per filter (or exclude).
  if (geo.length > 1) {
    refuse(`Only one distance ${list === 'filters' ? 'filter' : 'exclusion'} can be sent at a time.`, {
      field: list,
      index: clauses.indexOf(geo[1] as SearchFilterClause),
    });
  }
}

function checkSort(sort: SearchSortClause[]): void {
  sort.forEach((clause, index) => {
    if (clause.kind !== 'geo') return;
    const problem = pointProblem(clause.point);
    if (problem) refuse(problem, { field: 'sort', index, name: clause.field });
  });
  if (sort.filter((clause) => clause.kind === 'geo').length > 1) {
    refuse('Results can be sorted by the distance to one point only.', { field: 'sort' });
  }
}

/** The largest page this rpp can ask for without passing the 1,000th result. */
export const lastPageFor = (rpp: number) => Math.max(1, Math.floor(MAX_RESULTS / rpp));

/** Throws `invalid_input` naming the field when the document says the request cannot be made. */
export function checkLimits(params: SearchParamsView): void {
  if (params.query.length > MAX_QUERY_LENGTH) {
    refuse(`The query has ${params.query.length} characters; Doofinder takes at most ${MAX_QUERY_LENGTH}.`, {
      field: 'query',
    });
  }
  if (params.rpp > MAX_RPP) {
    refuse(`Results per page can be at most ${MAX_RPP}; it is ${params.rpp}.`, { field: 'rpp' });
  }
  if (params.rpp * params.page > MAX_RESULTS) {
    refuse(
      `Doofinder gives at most the first ${MAX_RESULTS} results: with ${params.rpp} per page the last page is ${lastPageFor(params.rpp)}.`,
      { field: 'page', lastPage: lastPageFor(params.rpp) },
    );
  }
  checkClauses('filters', params.filters);
  checkClauses('excludes', params.excludes);
  checkSort(params.sort);
}
