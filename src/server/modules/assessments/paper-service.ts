/** Paper fallback: a shared variant as .docx or PDF, with its answer key; for organisers of the assessment. */
import { displayKey } from '../../../domain/assessment/assemble.ts';
import { writePaperDocx } from '../../../domain/assessment/paper-docx.ts';
import { paperFileName, type PaperInput } from '../../../domain/assessment/paper.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { imagesByIds } from '../questions/repository.ts';
import { variantContent } from '../exam/content.ts';
import { keyOf } from '../exam/repository.ts';
import * as repo from './repository.ts';
import { assessmentForActor } from './service.ts';
import { mayUseBank } from './key-access.ts';
import { writePaperPdf } from './paper-pdf.ts';

export async function paperInput(ctx: AppContext, row: repo.AssessmentRow, code: string): Promise<PaperInput> {
  const variant = await repo.findVariantByCode(ctx.db, row.id, code);
  if (!variant || variant.person_id !== null) throw fail('variant_not_found', { code });
  const content = await variantContent(ctx.db, variant.id);
  const images = await imagesByIds(ctx.db, [...content.imageIds]);
  const pick = (ids: number[]) => ids.flatMap((id) => (images.has(id) ? [images.get(id)!] : []));
  const key = displayKey(
    content.items,
    (await keyOf(ctx.db, row.id)).map((k) => k.correct_index),
  );
  return {
    organisation: row.unit_name,
    title: row.title,
    code,
    durationMin: row.duration_min,
    instructions: row.instructions,
    key,
    questions: content.questions.map((q) => ({
      stem: q.stem,
      stemRich: q.stemRich,
      stemImages: pick(q.stemImages),
      options: q.options.map((o) => ({ text: o.text, images: pick(o.images) })),
    })),
  };
}

export async function renderPaper(input: PaperInput, format: 'docx' | 'pdf'): Promise<Buffer> {
  return format === 'docx' ? Buffer.from(await writePaperDocx(input)) : writePaperPdf(input);
}

export async function variantPaper(ctx: AppContext, actor: Actor, assessmentId: number, code: string, format: 'docx' | 'pdf') {
  const { row } = await assessmentForActor(ctx.db, actor, assessmentId, 'manage');
  // The paper carries the questions and the key: for those who may use the assessment's bank.
  if (!(await mayUseBank(ctx.db, actor, row))) throw fail('forbidden', { action: 'in đề có đáp án của ngân hàng câu hỏi đơn vị khác' });
  if (row.status !== 'published') throw fail('not_published', { consequence: 'chưa có mã đề' });
  const input = await paperInput(ctx, row, code);
  return { body: await renderPaper(input, format), fileName: paperFileName(row.title, code, format) };
}
