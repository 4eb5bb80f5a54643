/**
 * The Management API side of pydoof 2.5.2 (doofinder/pydoof, tag v2.5.2: pydoof/__init__.py,
 * management.py, errors.py), ported line for line so a test can replay exactly the requests
 * the official Python client makes and read the answers the way it reads them. Python
 * `requests` is reproduced too: its default headers, `params` encoded into the query string,
 * `data` sent as given, and `Content-Length: 0` on body-less POST/PUT/DELETE.
 */
import { request as httpRequest } from 'node:http';

// ---- pydoof/errors.py ------------------------------------------------------------------
export class NotAllowed extends Error {}
export class WrongResponse extends Error {}
export class BadRequest extends Error {}
export class NotFound extends Error {}
export class QuotaExhausted extends Error {}
export class NotProcessedResponse extends Error {}

function handleErrors(status: number, text: string): void {
  if (status === 403) throw new NotAllowed(`The user does not have permissions to perform this operation: ${text}`);
  if (status === 401) throw new NotAllowed(`The user hasn't provided valid authorization: ${text}`);
  if (status === 404) throw new NotFound(`Not Found: ${text}`);
  if (status === 409) throw new BadRequest(`Request conflict: ${text}`);
  if (status > 500) throw new WrongResponse(`Server error: ${text}`);
  if (status === 429)
    throw new QuotaExhausted('The query quota has been reached. No more queries can be requested right now');
  if (status > 400) throw new BadRequest(`The client made a bad request: ${text}`);
}

// ---- Python 2's json.dumps: ", " and ": " separators, non-ASCII escaped ----------------
function pyString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${pyString(key)}: ${pythonJsonDumps(inner)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return pyString(value);
  return JSON.stringify(value); // numbers and booleans
}

/** What `requests` puts on every request (requests 2.x `default_headers()`). */
export const REQUESTS_DEFAULT_HEADERS = {
  'User-Agent': 'python-requests/2.11.1',
  'Accept-Encoding': 'gzip, deflate',
  Accept: '*/*',
  Connection: 'keep-alive',
};

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface CallResult {
  status_code: number;
  response: unknown;
}

type Params = Record<string, string | number>;

/** `ManagementApiClient` with pydoof.DEV_MANAGEMENT_URL-style base URL pointing at the sandbox. */
export class ManagementApiClient {
  /** Every request made, as sent. */
  readonly sent: Sent[] = [];
  private readonly token: string;

  constructor(
    private readonly baseManagementUrl: string,
    apiKey: string,
  ) {
    // cls._cluster_region, cls._token = pydoof.API_KEY.split('-')
    const [, token] = apiKey.split('-');
    this.token = token ?? '';
  }

  async managementApiCall(
    method: 'get' | 'post' | 'put' | 'delete' = 'get',
    entryPoint = '',
    params?: Params | null,
    data?: string | null,
  ): Promise<CallResult> {
    const sanitized = entryPoint.replace(/^\/*(.*?)\/*$/, '$1');
    const headers: Record<string, string> = {
      ...REQUESTS_DEFAULT_HEADERS,
      Authorization: `Token ${this.token}`,
      'Content-Type': 'application/json',
    };
    let url = `${this.baseManagementUrl}/${sanitized}`;
    const query = new URLSearchParams(Object.entries(params ?? {}).map(([key, value]) => [key, String(value)]));
    if (query.size > 0) url += `?${query.toString()}`;
    const upper = method.toUpperCase();
    if (data !== null && data !== undefined) headers['Content-Length'] = String(Buffer.byteLength(data));
    else if (upper !== 'GET') headers['Content-Length'] = '0';
    this.sent.push({ method: upper, url, headers, body: data ?? undefined });
    const { status, text } = await rawRequest(upper, url, headers, data ?? undefined);
    handleErrors(status, text);
    try {
      return { status_code: status, response: text ? (JSON.parse(text) as unknown) : {} };
    } catch {
      return { status_code: status, response: text };
    }
  }

  async getApiRoot(): Promise<Record<string, unknown>> {
    return (await this.managementApiCall()).response as Record<string, unknown>;
  }
}

function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** `SearchEngine._obtain_id`'s expression, as written in pydoof. */
export const OBTAIN_ID = /\/(?<hashid>\w{32})\/(items\/\w+|tasks)\/(?<id>[\w-]+)\/?$/;

function obtainId(url: unknown): string {
  const id = OBTAIN_ID.exec(String(url))?.groups?.id;
  // pydoof: url_re.search(url).groupdict()['id'] raises AttributeError on no match.
  if (id === undefined) throw new TypeError(`'NoneType' object has no attribute 'groupdict' (${String(url)})`);
  return id;
}

type Item = Record<string, unknown>;

/** pydoof.SearchEngine's management methods. */
export class SearchEngine {
  constructor(
    readonly client: ManagementApiClient,
    readonly hashid: string,
    readonly name: string | null = null,
  ) {}

  static async all(client: ManagementApiClient): Promise<SearchEngine[]> {
    const apiRoot = { ...(await client.getApiRoot()) };
    delete apiRoot.searchengines; // api_root.pop('searchengines'): a KeyError if it is missing
    return Object.entries(apiRoot).map(
      ([hashid, props]) => new SearchEngine(client, hashid, (props as { name: string }).name),
    );
  }

  async getTypes(): Promise<unknown> {
    return (await this.client.managementApiCall('get', `${this.hashid}/types`)).response;
  }

  async addType(dtype: string): Promise<unknown> {
    return (await this.client.managementApiCall('post', `${this.hashid}/types`, null, pythonJsonDumps({ name: dtype })))
      .response;
  }

  async deleteType(dtype: string): Promise<boolean> {
    const result = await this.client.managementApiCall('delete', `${this.hashid}/types/${dtype}`);
    return result.status_code === 204;
  }

  items(itemType: string): ScrolledItemsIterator {
    return new ScrolledItemsIterator(this, itemType);
  }

  async getItem(itemType: string, itemId: string): Promise<Item> {
    return (await this.client.managementApiCall('get', `${this.hashid}/items/${itemType}/${itemId}`)).response as Item;
  }

  async addItem(itemType: string, item: Item): Promise<string> {
    const result = await this.client.managementApiCall(
      'post',
      `${this.hashid}/items/${itemType}`,
      null,
      pythonJsonDumps(item),
    );
    return obtainId((result.response as Item).df_url);
  }

  async addItems(itemType: string, items: Item[]): Promise<string[]> {
    const result = await this.client.managementApiCall(
      'post',
      `${this.hashid}/items/${itemType}`,
      null,
      pythonJsonDumps(items),
    );
    return (result.response as Item[]).map((item) => obtainId(item.df_url));
  }

  async updateItem(itemType: string, itemId: string, item: Item): Promise<true | undefined> {
    const result = await this.client.managementApiCall(
      'put',
      `${this.hashid}/items/${itemType}/${itemId}`,
      null,
      pythonJsonDumps(item),
    );
    return result.status_code === 200 ? true : undefined;
  }

  async updateItems(itemType: string, items: Item[]): Promise<true | undefined> {
    const result = await this.client.managementApiCall(
      'put',
      `${this.hashid}/items/${itemType}`,
      null,
      pythonJsonDumps(items),
    );
    return result.status_code === 200 ? true : undefined;
  }

  async deleteItem(itemType: string, itemId: string): Promise<boolean> {
    const result = await this.client.managementApiCall('delete', `${this.hashid}/items/${itemType}/${itemId}`);
    return result.status_code === 204;
  }

  stats(fromDate?: string, toDate?: string): Promise<AggregatesIterator> {
    return AggregatesIterator.create(this, fromDate, toDate);
  }

  topTerms(term: string, fromDate?: string, toDate?: string): Promise<TopTermsIterator> {
    if (!['clicked', 'searches', 'opportunities'].includes(term)) {
      throw new BadRequest(`The term '${term}' is not allowed`);
    }
    return TopTermsIterator.forTerm(this, term, fromDate, toDate);
  }
}

/** APIResultsIterator: `len()` is the total, iteration fetches until a page comes back empty. */
abstract class APIResultsIterator {
  total: number | null = null;
  protected resultsPage: Item[] = [];

  protected abstract fetchResultsAndTotal(): Promise<void>;

  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    while (this.resultsPage.length > 0) {
      all.push(...this.resultsPage);
      await this.fetchResultsAndTotal();
    }
    return all;
  }
}

export class ScrolledItemsIterator extends APIResultsIterator {
  private scrollId: string | null = null;
  private started = false;

  constructor(
    private readonly engine: SearchEngine,
    private readonly itemType: string,
  ) {
    super();
  }

  /** pydoof fetches the first page in the constructor; a Promise cannot, so the first use does. */
  override async toArray(): Promise<Item[]> {
    if (!this.started) await this.fetchResultsAndTotal();
    return super.toArray();
  }

  async length(): Promise<number | null> {
    if (!this.started) await this.fetchResultsAndTotal();
    return this.total;
  }

  protected async fetchResultsAndTotal(): Promise<void> {
    this.started = true;
    const params: Params = this.scrollId ? { scroll_id: this.scrollId } : {};
    const response = (
      await this.engine.client.managementApiCall('get', `${this.engine.hashid}/items/${this.itemType}`, params)
    ).response as { count: number; results: Item[]; scroll_id: string };
    this.total = response.count;
    this.resultsPage = response.results;
    this.scrollId = response.scroll_id;
  }
}

/** Dates as `date.strftime('%Y%m%d')`; pass them already formatted. */
export class AggregatesIterator extends APIResultsIterator {
  protected lastPage = 0;
  protected params: Params = {};

  protected constructor(protected readonly engine: SearchEngine) {
    super();
  }

  static async create(engine: SearchEngine, fromDate?: string, toDate?: string): Promise<AggregatesIterator> {
    const iterator = new AggregatesIterator(engine);
    iterator.setDates(fromDate, toDate);
    await iterator.fetchResultsAndTotal();
    return iterator;
  }

  protected setDates(fromDate?: string, toDate?: string): void {
    if (fromDate) this.params.from = fromDate;
    if (toDate) this.params.to = toDate;
  }

  protected async fetchResultsAndTotal(): Promise<void> {
    const params: Params = this.lastPage > 0 ? { page: this.lastPage + 1 } : {};
    Object.assign(params, this.params);
    try {
      const result = await this.engine.client.managementApiCall('get', `${this.engine.hashid}/stats`, params);
      const response = result.response as { aggregates: Item[]; count: number };
      this.resultsPage = response.aggregates;
      this.total = response.count;
      this.lastPage += 1;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      this.resultsPage = [];
    }
  }
}

export class TopTermsIterator extends AggregatesIterator {
  private term = '';

  static async forTerm(
    engine: SearchEngine,
    term: string,
    fromDate?: string,
    toDate?: string,
  ): Promise<TopTermsIterator> {
    const iterator = new TopTermsIterator(engine);
    iterator.term = term;
    iterator.setDates(fromDate, toDate);
    await iterator.fetchResultsAndTotal();
    return iterator;
  }

  protected override async fetchResultsAndTotal(): Promise<void> {
    const params: Params = this.lastPage > 0 ? { page: this.lastPage + 1 } : {};
    Object.assign(params, this.params);
    try {
      const result = await this.engine.client.managementApiCall(
        'get',
        `${this.engine.hashid}/stats/top_${this.term}`,
        params,
      );
      if (result.status_code === 202) {
        throw new NotProcessedResponse('Your request is still being processed. Please try again later');
      }
      const response = result.response as Record<string, unknown> & { count: number };
      this.resultsPage = response[this.term] as Item[];
      this.total = response.count;
      this.lastPage += 1;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      this.resultsPage = [];
    }
  }
}
