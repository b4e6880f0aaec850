/** The services a client talks to. */
export type ServiceName = 'intake' | 'triage' | 'monitoring' | 'feedback' | 'reporting';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One request and its answer, as a listener of the client sees it. */
export interface Exchange {
  service: ServiceName;
  method: string;
  /** The path as called, query string included. */
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

/** A non-2xx answer: carries the RFC 9457 problem document the service sent. */
export class ApiError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${request} answered ${status}: ${JSON.stringify(problem)}`);
    this.name = 'ApiError';
  }
}

/**
 * A small HTTP client for the platform's public APIs, the same against the distributed
 * services (one base URL each) and the all-in-one process (one base URL, a path per service).
 */
export class HypercareClient {
  private readonly listeners = new Set<(exchange: Exchange) => void>();

  private constructor(
    private readonly baseUrlOf: (service: ServiceName) => string,
    private readonly credentials: Record<string, string>,
  ) {}

  /** The same client calling with an API key (sent as `X-Api-Key`), unless a call sends its own credentials. */
  withApiKey(apiKey: string): HypercareClient {
    return this.withHeaders({ 'x-api-key': apiKey });
  }

  /** The same client sending these credential headers (e.g. `authorization: Bearer <token>`) with every call. */
  withHeaders(credentials: Record<string, string>): HypercareClient {
    return new HypercareClient(this.baseUrlOf, credentials);
  }

  /** The same client calling with no credentials at all. */
  anonymous(): HypercareClient {
    return this.withHeaders({});
  }

  /** Calls `listener` with every exchange from now on (e.g. to check answers against the API document); returns how to stop. */
  observe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each service at its own URL. */
  static distributed(urls: Partial<Record<ServiceName, string>>): HypercareClient {
    return new HypercareClient((service) => {
      const url = urls[service];
      if (!url) throw new Error(`no URL given for the ${service} service`);
      return url.replace(/\/$/, '');
    }, {});
  }

  /** Every service under one base URL, at `/<service>`. */
  static allInOne(baseUrl: string): HypercareClient {
    return new HypercareClient((service) => `${baseUrl.replace(/\/$/, '')}/${service}`, {});
  }

  url(service: ServiceName, path: string): string {
    return `${this.baseUrlOf(service)}${path}`;
  }

  /** Sends a request and returns whatever came back, error statuses included. */
  async send<T = unknown>(
    service: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const own = Object.keys(headers).some((name) =>
      ['authorization', 'x-api-key'].includes(name.toLowerCase()),
    );
    const response = await fetch(this.url(service, path), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(own ? {} : this.credentials),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    const contentType = response.headers.get('content-type');
    for (const listener of this.listeners)
      listener({ service, method, path, status: response.status, contentType, body: parsed });
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** GETs a document that is not JSON (a Markdown download): its status, text and headers. */
  async text(service: ServiceName, path: string): Promise<ApiResponse<string>> {
    const response = await fetch(this.url(service, path), { headers: this.credentials });
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Sends a request and returns the body, throwing ApiError on anything but 2xx. */
  async call<T = unknown>(
    service: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await this.send<T>(service, method, path, body, headers);
    if (response.status < 200 || response.status > 299)
      throw new ApiError(`${method} ${service}${path}`, response.status, response.body);
    return response.body;
  }

  /**
   * Calls until `accept` takes the answer (e.g. an event reached another service), polling
   * every `intervalMs`; throws with the last answer when `timeoutMs` runs out.
   */
  async poll<T = unknown>(
    service: ServiceName,
    path: string,
    accept: (response: ApiResponse<T>) => boolean,
    timeoutMs = 15_000,
    intervalMs = 50,
  ): Promise<ApiResponse<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.send<T>(service, 'GET', path);
      if (accept(response)) return response;
      if (Date.now() > deadline)
        throw new Error(
          `GET ${service}${path} not as expected after ${timeoutMs} ms: ${response.status} ${JSON.stringify(response.body)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
