/**
 * The one way the web app talks to the server: JSON under /api, the session cookie sent same-origin, the CSRF
 * header on every unsafe method, and errors thrown as ApiError carrying the server's code (domain/errors/catalogue.ts)
 * and Vietnamese message. Pages branch on `error.code`; the status only where it is the meaning (0: no answer).
 */
import { errorMessage as catalogueMessage, errorStatus, isErrorCode, type ErrorCode } from '../../domain/errors/catalogue.ts';

export const CSRF_COOKIE = 'bd_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const NETWORK_MESSAGE = catalogueMessage('network_error');

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A catalogue code: the server's, or one the client makes (network_error, timeout, incomplete_response, …). */
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show for anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return catalogueMessage('unexpected_error');
}

type Listener = (error: ApiError) => void;
let unauthenticatedListener: Listener | null = null;

/** Called when the session has expired (any call answered 401 unauthenticated). */
export function onUnauthenticated(listener: Listener | null): void {
  unauthenticatedListener = listener;
}

function notify(error: ApiError): ApiError {
  if (error.code === 'unauthenticated') unauthenticatedListener?.(error);
  return error;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function csrfHeaders(): Record<string, string> {
  const token = readCookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

function errorFromBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    const b = body as { code?: unknown; message: string; details?: unknown };
    // A code this build does not know (a newer server) still shows the server's message.
    return new ApiError(status, isErrorCode(b.code) ? b.code : 'request_failed', b.message, b.details);
  }
  if (status >= 500) return new ApiError(status, 'internal_error', catalogueMessage('internal_error'));
  return new ApiError(status, 'request_failed', catalogueMessage('request_failed', { status }));
}

async function errorFromResponse(response: Response, quiet = false): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall back to a generic message
  }
  const error = errorFromBody(response.status, body);
  return quiet ? error : notify(error);
}

export interface CallOptions {
  /** Give up after this long (a request stuck on a dying network); the caller sees a network error. */
  timeoutMs?: number;
  /** A 401 is the caller's to handle (the exam page signs in again in place): the app is not signed out. */
  quiet?: boolean;
  /** The request outlives the page (a count sent as a link is followed). */
  keepalive?: boolean;
}

/**
 * One request; `read` consumes the body while the timeout still runs (a reply stuck half-way counts as lost). Errors
 * thrown by `read` other than ApiError pass through unchanged.
 */
async function send<T = Response>(
  method: string,
  url: string,
  body?: unknown,
  options: CallOptions = {},
  read: (response: Response) => Promise<T> = async (response) => response as T,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  if (body !== undefined) headers['content-type'] = 'application/json';
  const abort = options.timeoutMs ? new AbortController() : null;
  const timer = abort ? setTimeout(() => abort.abort(), options.timeoutMs) : null;
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort?.signal,
        keepalive: options.keepalive,
      });
    } catch {
      throw new ApiError(0, abort?.signal.aborted ? 'timeout' : 'network_error', NETWORK_MESSAGE);
    }
    if (!response.ok) throw await errorFromResponse(response, options.quiet);
    try {
      return await read(response);
    } catch (error) {
      if (abort?.signal.aborted) throw new ApiError(0, 'timeout', NETWORK_MESSAGE);
      throw error;
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function json<T>(method: string, url: string, body?: unknown, options?: CallOptions): Promise<T> {
  const text = await send(method, url, body, options, (response) => response.text());
  return (text ? JSON.parse(text) : null) as T;
}

export const api = {
  get: <T>(url: string, options?: CallOptions) => json<T>('GET', url, undefined, options),
  post: <T>(url: string, body: unknown = {}, options?: CallOptions) => json<T>('POST', url, body, options),
  patch: <T>(url: string, body: unknown) => json<T>('PATCH', url, body),
  put: <T>(url: string, body?: unknown) => json<T>('PUT', url, body),
  delete: <T>(url: string) => json<T>('DELETE', url),
};

/** POSTs one file as multipart field `file` and reads the JSON answer. */
export async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', ...csrfHeaders() },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

type QueryValue = string | number | boolean | null | undefined;

/** url?key=value&… leaving out empty values. */
export function withQuery(url: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${url}?${qs}` : url;
}

/** The UTF-8 name of an attachment (RFC 6266 filename*), else its ASCII name, else the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // malformed: try the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

/** Fetches a generated file and saves it under the name the server gave. */
export async function downloadFile(url: string, options: { method?: 'GET' | 'POST'; body?: unknown; fallbackName: string }) {
  const response = await send(options.method ?? 'GET', url, options.body);
  const blob = await response.blob();
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), options.fallbackName);
  saveBlob(blob, fileName);
  return { fileName, headers: response.headers };
}

export interface ServerProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

type NdjsonLine<T> = { progress?: ServerProgress; result?: T; error?: { code: ErrorCode; message: string; details?: unknown } };

/** Splits newline-delimited JSON as it arrives; remembers the final result or error line. */
class NdjsonReader<T> {
  private buffer = '';
  result: { value: T } | null = null;
  error: ApiError | null = null;

  constructor(private readonly onProgress: (p: ServerProgress) => void) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      this.line(this.buffer.slice(0, newline));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
  }

  end(status: number): T {
    if (this.buffer.trim()) this.line(this.buffer);
    this.buffer = '';
    if (this.error) throw notify(this.error);
    if (this.result) return this.result.value;
    throw new ApiError(status, 'incomplete_response', catalogueMessage('incomplete_response'));
  }

  private line(text: string): void {
    if (!text.trim()) return;
    let parsed: NdjsonLine<T>;
    try {
      parsed = JSON.parse(text) as NdjsonLine<T>;
    } catch {
      return;
    }
    if (parsed.progress) this.onProgress(parsed.progress);
    if ('result' in parsed) this.result = { value: parsed.result as T };
    // The stream's status was 200: the error line's code says what the status would have been.
    if (parsed.error) this.error = errorFromBody(isErrorCode(parsed.error.code) ? errorStatus(parsed.error.code) : 400, parsed.error);
  }
}

/**
 * Uploads one file as multipart field `file`: reports the upload percentage from XMLHttpRequest, then the
 * server's progress lines as they stream in, and resolves with the final result line.
 */
export function uploadWithProgress<T>(
  url: string,
  file: File,
  onUploadProgress: (percent: number) => void,
  onServerProgress: (progress: ServerProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const reader = new NdjsonReader<T>(onServerProgress);
    let seen = 0;
    const drain = () => {
      const text = xhr.responseText;
      if (text.length > seen) {
        reader.feed(text.slice(seen));
        seen = text.length;
      }
    };
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(key, value);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => onUploadProgress(100);
    xhr.onprogress = () => {
      if (xhr.status >= 200 && xhr.status < 300) drain();
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON
        }
        reject(notify(errorFromBody(xhr.status, body)));
        return;
      }
      drain();
      try {
        resolve(reader.end(xhr.status));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', catalogueMessage('aborted')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** POSTs and reads a newline-delimited JSON answer incrementally (progress lines, then the result). */
export async function postWithProgress<T>(
  url: string,
  onServerProgress: (progress: ServerProgress) => void,
  body: unknown = {},
): Promise<T> {
  const response = await send('POST', url, body);
  const reader = new NdjsonReader<T>(onServerProgress);
  if (!response.body) {
    reader.feed(await response.text());
    return reader.end(response.status);
  }
  const stream = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.feed(value);
  }
  return reader.end(response.status);
}

/** Uploads one file as multipart field `file` and resolves with the JSON answer, reporting the upload percentage. */
export function uploadJson<T>(url: string, file: File, onUploadProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(key, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(notify(errorFromBody(xhr.status, body)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_MESSAGE));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** PUT with a JSON body (api.put sends none), answering the parsed JSON. */
export function putJson<T>(url: string, body: unknown): Promise<T> {
  return json<T>('PUT', url, body);
}
