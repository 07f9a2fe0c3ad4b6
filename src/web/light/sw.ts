/**
 * The participant app's service worker (served as /thi-sw.js, scope /thi): it keeps the shell of the light app —
 * index.html and the JS/CSS chunks the /thi routes load, never the staff app's — so that a reload without network
 * still opens the exam, whose questions and answers the page keeps in localStorage itself.
 *
 * - Navigations under /thi: network first (a new deploy's page is taken as soon as it is reachable), the cached shell
 *   when the network fails or stalls, a short Vietnamese page when even that is missing.
 * - The precached chunks (hashed names): from the cache, else the network.
 * - Everything else — /api above all — is not touched: the browser sends it as if there were no worker.
 *
 * The build (vite.config.ts, `participantServiceWorker`) prepends VERSION and PRECACHE, compiles this file alone
 * (it imports nothing) and writes dist/web/thi-sw.js. A new deploy changes VERSION, so the browser installs the new
 * worker, which takes over at once and deletes the old cache.
 */
export {};

declare const VERSION: string;
declare const PRECACHE: string[];

// The worker's own types (the project compiles against the DOM library, not WebWorker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const CACHE_PREFIX = 'bd-thi-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const SHELL = '/index.html';
/** A navigation slower than this on a weak link gets the cached shell; the page's own calls still go to the network. */
const NAVIGATION_TIMEOUT_MS = 6000;
const precached = new Set(PRECACHE);

const OFFLINE_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Không có kết nối mạng</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#1f2937;background:#f6f8fb}
main{max-width:480px;margin:10vh auto;background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px #0002}
h1{font-size:20px;margin:0 0 8px;color:#0b4ea2}button{font:inherit;padding:8px 16px;border-radius:8px;border:1px solid #0b4ea2;
background:#0b4ea2;color:#fff}</style></head><body><main><h1>Không có kết nối mạng</h1>
<p>Máy này chưa lưu sẵn trang làm bài nên chưa mở được khi không có mạng. Câu trả lời đã chọn trước đó (nếu có) vẫn được giữ
trên máy này.</p><p>Kiểm tra Wi-Fi hoặc dữ liệu di động rồi tải lại trang.</p>
<p><button type="button" onclick="location.reload()">Tải lại</button></p></main></body></html>`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The shell revalidated (index.html is no-cache); the hashed chunks may come from the HTTP cache the page filled.
      await cache.addAll([new Request(SHELL, { cache: 'no-cache' }), ...PRECACHE.filter((url) => url !== SHELL)]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

function isParticipantPage(url: URL): boolean {
  return url.pathname === '/thi' || url.pathname.startsWith('/thi/');
}

/** The network's page, or the cached shell when the network fails or is too slow. */
async function navigate(request: Request): Promise<Response> {
  const fromNetwork = fetch(request);
  fromNetwork.catch(() => undefined); // a failure after the timeout is expected, not an error
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  let response: Response | null = null;
  try {
    response = await Promise.race([fromNetwork, timeout]);
  } catch {
    // offline: the cached shell below
  }
  // A proxy's 502/503 while the app restarts is no page either.
  if (response && response.status < 500) return response;
  const shell = await caches.match(SHELL, { cacheName: CACHE });
  if (shell) return shell;
  if (response) return response;
  // A network that was only slow is still worth waiting for when nothing is cached.
  try {
    return await fromNetwork;
  } catch {
    return new Response(OFFLINE_PAGE, {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}

async function precachedAsset(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (isParticipantPage(url)) event.respondWith(navigate(request));
    return;
  }
  if (precached.has(url.pathname)) event.respondWith(precachedAsset(request));
});
