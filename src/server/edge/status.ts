/**
 * The laptop's own state, for the site's technician on the laptop itself (the province's monitor may be out of reach):
 * is the uplink there, what still waits to be sent, how far the site's attempts are. Plain HTML that refreshes itself.
 */
import { formatDateTimeVi } from '../../domain/datetime.ts';
import { escapeXml } from '../../domain/question-bank/export/write-qti.ts';
import type { AppContext } from '../context.ts';
import type { RouteModule } from '../lib/route-module.ts';

/** The uplink syncs every 2 s while it is up: a success older than this means the laptop is cut off from the province. */
const ONLINE_WINDOW_MS = 30_000;

export interface EdgeStatus {
  siteName: string;
  upstream: string;
  preparedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  online: boolean;
  revoked: boolean;
  pending: number;
  leased: number;
  started: number;
  submitted: number;
  graded: number;
  refused: number;
}

export async function edgeStatus(ctx: AppContext): Promise<EdgeStatus> {
  const db = ctx.db;
  const identity = await db.selectFrom('edge_identity').selectAll().executeTakeFirstOrThrow();
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const [pending, leased, started, submitted, graded, refused] = await Promise.all([
    count(
      db
        .selectFrom('edge_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('seq', '>', identity.acked_seq)
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('assessment_invitees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'submitted')
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('score', 'is not', null)
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('attempt_events')
        .select((eb) => eb.fn.count<number>('attempt_id').distinct().as('n'))
        .where('kind', '=', 'edge_refused')
        .executeTakeFirst(),
    ),
  ]);
  const lastSyncAt = identity.last_sync_at;
  return {
    siteName: identity.site_name,
    upstream: identity.upstream,
    preparedAt: identity.prepared_at,
    lastSyncAt,
    lastError: identity.last_error,
    // The last round failed (the error is cleared by the next success), or none succeeded for a while.
    online: identity.last_error === null && lastSyncAt !== null && ctx.clock.now().getTime() - Date.parse(lastSyncAt) < ONLINE_WINDOW_MS,
    revoked: ctx.edge?.revoked === true,
    pending,
    leased,
    started,
    submitted,
    graded,
    refused,
  };
}

/** What the technician should do now, in one sentence. */
function advice(s: EdgeStatus): string {
  if (s.revoked) return 'Ban tổ chức đã thu hồi máy này: máy không nhận bài làm mới và không gửi được gì về tỉnh. Hãy liên hệ ban tổ chức.';
  if (!s.online) return 'Chưa có đường truyền về tỉnh: cứ để máy chạy, bài làm được giữ trên máy và tự gửi khi có mạng lại. Không tắt máy.';
  if (s.pending > 0) return 'Đang gửi bài làm về tỉnh: chờ đến khi "Còn chờ gửi" về 0. Không tắt máy.';
  if (s.submitted - s.refused > s.graded) return 'Đã gửi hết; đang chờ tỉnh chấm điểm các bài đã nộp.';
  return 'Mọi bài làm đã về tỉnh. Khi bài khảo sát đã đóng, có thể tắt máy và báo ban tổ chức thu hồi máy.';
}

function statusPage(s: EdgeStatus): string {
  const row = (label: string, value: string) => `<tr><th>${escapeXml(label)}</th><td>${escapeXml(value)}</td></tr>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="3"><title>Máy chủ điểm cầu — ${escapeXml(s.siteName)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2937;background:#f6f8fb}main{max-width:640px;margin:0 auto;padding:24px 16px}
h1{font-size:22px;margin:0 0 12px;color:#0b4ea2}table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dde3ec;border-radius:12px}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eef1f5}th{width:45%;font-weight:600}
.note{border-radius:8px;padding:10px 12px;margin:0 0 16px}.ok{background:#eaf7ee;border:1px solid #9ed3ad}.warn{background:#fff7e6;border:1px solid #f5c26b}
.bad{background:#fdecec;border:1px solid #f3b4b4}</style></head><body><main>
<h1>Máy chủ điểm cầu: ${escapeXml(s.siteName)}</h1>
<p class="note ${s.revoked ? 'bad' : s.online && s.pending === 0 ? 'ok' : 'warn'}" role="status">${escapeXml(advice(s))}</p>
<table>
${row('Đường truyền về tỉnh', s.revoked ? 'Máy đã bị thu hồi' : s.online ? 'Đã kết nối' : 'Mất kết nối')}
${row('Lần đồng bộ cuối', s.lastSyncAt ? formatDateTimeVi(s.lastSyncAt) : 'chưa lần nào')}
${s.lastError && !s.online ? row('Lỗi gần nhất', s.lastError) : ''}
${row('Còn chờ gửi', String(s.pending))}
${row('Lượt được giao cho máy', String(s.leased))}
${row('Đã bắt đầu trên máy', String(s.started))}
${row('Đã nộp', String(s.submitted))}
${row('Đã có điểm từ tỉnh', String(s.graded))}
${s.refused > 0 ? row('Tỉnh không nhận', String(s.refused)) : ''}
${row('Máy chủ tỉnh', s.upstream)}
${row('Chuẩn bị lúc', formatDateTimeVi(s.preparedAt))}
</table>
<p style="color:#6b7280;font-size:14px">Trang này chỉ mở được trên chính máy điểm cầu và tự cập nhật 3 giây một lần.</p>
</main></body></html>`;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export const edgeStatusRoutes: RouteModule = async (app, { ctx }) => {
  // Public to this machine only: the technician has no account on the laptop, and the site's Wi-Fi sees nothing here.
  app.get('/may-diem-cau', { config: { public: true, file: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!LOOPBACK.test(request.socket.remoteAddress ?? '')) {
      return reply
        .status(403)
        .type('text/plain; charset=utf-8')
        .send('Chỉ mở trang này trên chính máy điểm cầu (http://localhost/may-diem-cau).');
    }
    return reply.type('text/html; charset=utf-8').send(statusPage(await edgeStatus(ctx)));
  });
};
