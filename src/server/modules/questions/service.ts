import type { Difficulty } from '../../../domain/question-bank/types.ts';
import type { Actor } from '../../../domain/roles.ts';
import { fold } from '../../../domain/text.ts';
import type { AppContext } from '../../context.ts';
import { bankForActor } from '../banks/service.ts';
import * as repo from './repository.ts';
import { imageIdsOf, letteredOptions, readContent } from './content.ts';
import { fail } from '../../errors.ts';
import { servedImage } from './image-service.ts';

/** A page of the bank's current question versions, searchable without diacritics. */
export async function listQuestions(
  ctx: AppContext,
  actor: Actor,
  bankId: number,
  query: { q?: string; topicId?: number; difficulty?: string; tag?: string; page?: number; pageSize?: number },
) {
  const bank = await bankForActor(ctx.db, actor, bankId, 'use');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await repo.listQuestions(
    ctx.db,
    {
      bankId: bank.id,
      q: query.q ? fold(query.q) || undefined : undefined,
      topicId: query.topicId,
      difficulty: query.difficulty,
      tagFolded: query.tag ? fold(query.tag) || undefined : undefined,
    },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  const tags = await repo.tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    total,
    page,
    pageSize,
    items: rows.map((r) => {
      const content = readContent(r.content_json);
      return {
        id: r.id,
        version: r.current_version,
        topic: r.topic_name,
        difficulty: r.difficulty as Difficulty | null,
        stem: content.stem,
        stemRich: content.stemRich ?? null,
        tags: tags.get(r.id) ?? [],
        source: r.source,
        images: imageIdsOf(content).length,
        stemImages: content.stemImages,
        options: letteredOptions(content, r.correct_index),
      };
    }),
  };
}

/** An image of a question the actor may use; unknown types are served as a download, never rendered (no SVG scripts). */
export async function questionImage(ctx: AppContext, actor: Actor, questionId: number, imageId: number) {
  const row = await repo.findQuestion(ctx.db, questionId);
  if (!row || row.deleted_at) throw fail('question_not_found');
  await bankForActor(ctx.db, actor, row.bank_id, 'use');
  if (!imageIdsOf(readContent(row.content_json)).includes(imageId)) throw fail('image_not_found');
  return servedImage((await repo.imagesByIds(ctx.db, [imageId])).get(imageId)!);
}

const collator = new Intl.Collator('vi');

/** The tags of the bank's questions, for the tag filter. */
export async function listBankTags(ctx: AppContext, actor: Actor, bankId: number) {
  const bank = await bankForActor(ctx.db, actor, bankId, 'use');
  const items = await repo.bankTags(ctx.db, bank.id);
  return { items: items.sort((a, b) => collator.compare(a.tag, b.tag)) };
}
