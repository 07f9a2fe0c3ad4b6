/**
 * Who may see an assessment's key, and when. The key stays sealed while anyone can still answer: until the window
 * closes and, after that, while an extended or reopened attempt is in progress. While sealed only people who may use
 * the assessment's bank (they can read its questions and keys there anyway) see the key, the item analysis or the
 * questions and choices of other people's attempts. A person's own attempt follows the review policy, whatever
 * other roles they hold.
 */
import type { Actor } from '../../../domain/roles.ts';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { bankForActor } from '../banks/service.ts';
import type { AssessmentRow } from './repository.ts';

export const SEALED_MESSAGE =
  'Đáp án, nội dung câu hỏi và phương án đã chọn chỉ hiển thị khi kỳ khảo sát đã kết thúc ' + '(hết giờ và không còn ai đang làm bài).';

export const SEALED_ITEMS_MESSAGE =
  'Phân tích câu hỏi (có đáp án và tỷ lệ chọn từng phương án) hiển thị khi kỳ khảo sát đã kết thúc '
  + '(hết giờ và không còn ai đang làm bài), hoặc cho người quản lý ngân hàng câu hỏi của bài.';

/** True while the window is open or any attempt of the assessment is still in progress. */
export async function keySealed(ctx: AppContext, row: Pick<AssessmentRow, 'id' | 'closes_at'>): Promise<boolean> {
  if (ctx.clock.now().getTime() < Date.parse(row.closes_at)) return true;
  return hasAttemptInProgress(ctx.db, row.id);
}

export async function hasAttemptInProgress(db: Executor, assessmentId: number): Promise<boolean> {
  const open = await db
    .selectFrom('attempts')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('status', '=', 'in_progress')
    .limit(1)
    .executeTakeFirst();
  return open !== undefined;
}

/** May use the assessment's bank: owns it or holds bank.manage on a unit it is shared with. */
export async function mayUseBank(db: Executor, actor: Actor, row: Pick<AssessmentRow, 'bank_id'>): Promise<boolean> {
  try {
    await bankForActor(db, actor, row.bank_id, 'use');
    return true;
  } catch (err) {
    if (err instanceof AppError && (err.statusCode === 403 || err.statusCode === 404)) return false;
    throw err;
  }
}

/** The key (and what reveals it) may go to this staff reader now. */
export async function staffMaySeeKey(ctx: AppContext, actor: Actor, row: Pick<AssessmentRow, 'id' | 'closes_at' | 'bank_id'>) {
  return (await mayUseBank(ctx.db, actor, row)) || !(await keySealed(ctx, row));
}
