import type { AnswerQueue } from './answer-queue.ts';
import { SignInAgain } from './sign-in-again.tsx';
import type { Blocked } from './use-exam-session.ts';

/** Under the title bar: whether every answer is on the server, and if not, why and what to do. */
export function NetworkLine({
  queue,
  blocked,
  fromDevice,
  onRetry,
  onSignedIn,
}: {
  queue: AnswerQueue;
  blocked: Blocked;
  /** The exam shown is this device's copy: the page was loaded without reaching the server. */
  fromDevice: boolean;
  onRetry: () => void;
  onSignedIn: () => void;
}) {
  const pending = queue.pending().length;
  const waiting = pending ? ` (${pending} câu chờ gửi)` : '';
  if (fromDevice && ['offline', 'unavailable', 'saving', 'saved'].includes(queue.connection)) {
    return (
      <div className="ex-net ex-net--offline" role="status">
        Không có mạng — đang hiện bài làm đã lưu trên máy này. Câu trả lời được giữ trên máy và sẽ tự gửi khi có mạng trở lại{waiting}. Bạn
        cứ tiếp tục làm bài.{' '}
        <button type="button" className="lt-link" onClick={onRetry}>
          Thử lại ngay
        </button>
      </div>
    );
  }
  switch (queue.connection) {
    case 'offline':
      return (
        <div className="ex-net ex-net--offline" role="status">
          Mất kết nối — câu trả lời được giữ trên máy này và sẽ tự gửi lại{waiting}.{' '}
          <button type="button" className="lt-link" onClick={onRetry}>
            Thử lại ngay
          </button>
        </div>
      );
    case 'unavailable':
      return (
        <div className="ex-net ex-net--offline" role="status">
          Máy chủ tạm gián đoạn — câu trả lời được giữ trên máy này và sẽ tự gửi lại khi máy chủ hoạt động trở lại{waiting}. Bạn cứ tiếp tục
          làm bài.{' '}
          <button type="button" className="lt-link" onClick={onRetry}>
            Thử lại ngay
          </button>
        </div>
      );
    case 'signed_out':
      return (
        <div className="ex-net ex-net--closed" role="alert">
          Phiên đăng nhập đã hết hạn. Câu trả lời vẫn được giữ trên máy này{waiting}; đăng nhập lại ngay tại đây để gửi tiếp:
          <SignInAgain onSignedIn={onSignedIn} />
        </div>
      );
    case 'wrong_account':
      return (
        <div className="ex-net ex-net--closed" role="alert">
          Trình duyệt này vừa được đăng nhập bằng tài khoản khác
          {blocked.account ? (
            <>
              {' '}
              (<strong>{blocked.account}</strong>)
            </>
          ) : (
            ''
          )}{' '}
          ở một thẻ khác, nên câu trả lời của bạn chưa được gửi. Chúng vẫn được giữ trên máy này{waiting}. Đăng nhập lại bằng tài khoản của
          bạn để gửi tiếp:
          <SignInAgain onSignedIn={onSignedIn} />
        </div>
      );
    case 'refused':
      return (
        <div className="ex-net ex-net--closed" role="alert">
          Máy chủ không nhận câu trả lời: {blocked.message ?? 'dữ liệu không hợp lệ'}. Câu trả lời vẫn được giữ trên máy này{waiting}.{' '}
          <button type="button" className="lt-link" onClick={() => queue.retryNow()}>
            Gửi lại
          </button>
        </div>
      );
    case 'closed':
      return (
        <div className="ex-net ex-net--closed" role="alert">
          Bài làm đã đóng; câu trả lời không còn được nhận.
        </div>
      );
    case 'saving':
      return (
        <div className="ex-net ex-net--saving" role="status">
          Đang lưu câu trả lời…
        </div>
      );
    default:
      return (
        <div className="ex-net ex-net--ok" role="status">
          ✓ Đã lưu tất cả câu trả lời lên máy chủ.
        </div>
      );
  }
}
