import type { Difficulty } from '../../../domain/question-bank/types.ts';
import { duplicateKey, searchText } from '../../../domain/question-bank/keys.ts';
import { blocksOfPlainText, richLimitProblem, stemOfBlocks, type RichBlock } from '../../../domain/question-bank/rich-text.ts';
import { normalizeTags } from '../../../domain/question-bank/tags.ts';
import { questionContentProblems, type EditableOption } from '../../../domain/question-bank/validate.ts';
import type { Actor } from '../../../domain/roles.ts';
import { fold, normalizeText } from '../../../domain/text.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { bankForActor } from '../banks/service.ts';
import { findTopic } from '../banks/repository.ts';
import * as repo from './repository.ts';
import { assessmentsUsingVersions } from '../assessments/repository.ts';
import { contentJson, imageIdsOf, letteredOptions, readContent, type StoredContent } from './content.ts';

async function questionForActor(db: Executor, actor: Actor, id: number) {
  const row = await repo.findQuestion(db, id);
  if (!row || row.deleted_at) throw fail('question_not_found');
  const bank = await bankForActor(db, actor, row.bank_id, 'use');
  return { row, bank };
}

export async function getQuestion(ctx: AppContext, actor: Actor, id: number) {
  const { row } = await questionForActor(ctx.db, actor, id);
  const content = readContent(row.content_json);
  const [versions, tags] = await Promise.all([repo.versionsOf(ctx.db, row.id), repo.tagsOf(ctx.db, [row.id])]);
  const uses = await assessmentsUsingVersions(
    ctx.db,
    versions.map((v) => v.id),
  );
  return {
    id: row.id,
    bankId: row.bank_id,
    version: row.current_version,
    topicId: row.topic_id,
    topic: row.topic_name,
    difficulty: row.difficulty as Difficulty | null,
    stem: content.stem,
    stemRich: content.stemRich ?? null,
    stemImages: content.stemImages,
    options: letteredOptions(content, row.correct_index),
    tags: tags.get(row.id) ?? [],
    source: row.source,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.created_at,
      createdBy: v.display_name,
      locked: v.locked === 1,
      usedBy: uses.filter((u) => u.version_id === v.id).map((u) => ({ id: u.id, title: u.title, opensAt: u.opens_at })),
    })),
  };
}

export interface QuestionEditInput {
  /** Plain text; ignored when stemRich is given; both absent: the stem is unchanged. */
  stem?: string;
  /** The formatted stem; the stored plain stem is derived from it. */
  stemRich?: RichBlock[] | null;
  /** Ids of images already in the question or uploaded into its bank; absent: unchanged. */
  stemImages?: number[];
  /** An option without images keeps the images of the option at its position. */
  options: (EditableOption & { images?: number[] })[];
  topicId?: number | null;
  difficulty?: string | null;
  tags?: string[];
  source?: string | null;
}

function stemOf(input: QuestionEditInput, before: StoredContent): Pick<StoredContent, 'stem' | 'stemRich'> {
  const blocks = input.stemRich ? input.stemRich : input.stem !== undefined ? blocksOfPlainText(input.stem) : null;
  if (!blocks) return { stem: before.stem, stemRich: before.stemRich };
  const tooBig = richLimitProblem(blocks);
  if (tooBig) throw fail('invalid_question', { problems: [tooBig] }, { problems: [tooBig] });
  return stemOfBlocks(blocks);
}

/** Every image id must already be in the question or have been uploaded into its bank (ids are global). */
async function checkImages(db: Executor, bankId: number, before: StoredContent, ids: number[]) {
  const known = new Set(imageIdsOf(before));
  const unknown = ids.filter((id) => !known.has(id));
  const uploaded = await repo.bankImageIds(db, bankId, unknown);
  if (unknown.some((id) => !uploaded.has(id))) throw fail('image_not_found');
}

function tagRows(raw: string[] | undefined) {
  if (raw === undefined) return undefined;
  const { tags, problem } = normalizeTags(raw);
  if (problem) throw fail('invalid_tags', { reason: problem });
  return tags.map((tag) => ({ tag, tag_folded: fold(tag) }));
}

/**
 * Saves an edit. A version that a published assessment uses is never changed: an edit of its content becomes a new
 * version and results keep pointing at the old one. Topic, difficulty, tags and source are not versioned.
 */
export async function editQuestion(ctx: AppContext, actor: Actor, id: number, input: QuestionEditInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, bank } = await questionForActor(trx, actor, id);
    const before = readContent(row.content_json);
    const { stem, stemRich } = stemOf(input, before);
    const stemImages = input.stemImages ?? before.stemImages;
    const options = input.options.map((o, i) => ({
      text: normalizeText(o.text),
      pinned: o.pinned,
      images: o.images ?? before.options[i]?.images ?? [],
    }));
    const problems = questionContentProblems(
      stem,
      input.options.map((o, i) => ({ ...o, images: options[i].images })),
      stemImages.length,
    );
    if (problems.length) throw fail('invalid_question', { problems }, { problems });
    await checkImages(trx, bank.id, before, [...stemImages, ...options.flatMap((o) => o.images)]);
    if (input.topicId != null) {
      const topic = await findTopic(trx, input.topicId);
      if (!topic || topic.bank_id !== bank.id) throw fail('topic_not_found');
    }
    const tags = tagRows(input.tags);
    const source = input.source === undefined ? undefined : normalizeText(input.source ?? '').slice(0, 200) || null;

    const content = contentJson({ stem, stemRich, stemImages, options });
    const correctIndex = input.options.findIndex((o) => o.correct);
    const changed = content !== contentJson(before) || correctIndex !== row.correct_index;
    const at = nowIso(ctx);
    const newVersion = changed && row.locked === 1;
    const version = newVersion ? row.current_version + 1 : row.current_version;
    if (newVersion) {
      await repo.addVersion(trx, {
        question_id: row.id,
        version,
        content_json: content,
        correct_index: correctIndex,
        created_by: actor.userId || null,
        created_at: at,
      });
    } else if (changed) {
      await repo.updateVersionInPlace(trx, row.version_id, content, correctIndex);
    }
    await repo.updateQuestionRow(trx, row.id, {
      topic_id: input.topicId === undefined ? undefined : input.topicId,
      difficulty: input.difficulty === undefined ? undefined : input.difficulty,
      source,
      current_version: version,
      search_folded: searchText({ stem, options }),
      duplicate_key: duplicateKey(stem),
      updated_at: at,
    });
    if (tags) await repo.replaceTags(trx, row.id, tags);
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'question.edit',
      entityType: 'question',
      entityId: row.id,
      unitId: bank.unit_id,
      summary: `Sửa câu hỏi #${row.id} của ngân hàng ${bank.name}${newVersion ? ` (phiên bản ${version})` : ''}`,
    });
    return { id: row.id, version, newVersion };
  });
}

export async function deleteQuestion(ctx: AppContext, actor: Actor, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, bank } = await questionForActor(trx, actor, id);
    const at = nowIso(ctx);
    await repo.updateQuestionRow(trx, row.id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'question.delete',
      entityType: 'question',
      entityId: row.id,
      unitId: bank.unit_id,
      summary: `Xóa câu hỏi #${row.id} khỏi ngân hàng ${bank.name}`,
    });
  });
}
