/** Pictures of questions: uploads from the editor (sniffed, size-limited) and thumbnails of a stored import preview. */
import { sniffImageType, UPLOADABLE_IMAGE_TYPES } from '../../../domain/question-bank/image-type.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { bankForActor } from '../banks/service.ts';
import * as repo from './repository.ts';
import { IMPORT_TTL_MS, previewImageOf } from './import-service.ts';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const RENDERED_TYPES = new Set<string>([...UPLOADABLE_IMAGE_TYPES, 'image/bmp']);

/** Raster types are shown inline; anything else (SVG may hold scripts, EMF cannot be shown) is only downloaded. */
export function servedImage(image: { contentType: string; data: Uint8Array }) {
  const inline = RENDERED_TYPES.has(image.contentType);
  return { contentType: inline ? image.contentType : 'application/octet-stream', inline, data: image.data };
}

export const imageTooLarge = (fileName: string) => fail('image_too_large', { name: fileName });

/** Stores an uploaded picture (once per content) and lets the bank's questions use it. */
export async function uploadBankImage(ctx: AppContext, actor: Actor, bankId: number, fileName: string, data: Uint8Array) {
  const bank = await bankForActor(ctx.db, actor, bankId, 'use');
  if (data.byteLength > MAX_IMAGE_BYTES) throw imageTooLarge(fileName);
  const contentType = sniffImageType(data);
  if (!contentType) {
    throw fail('not_an_image', { name: fileName });
  }
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.storeImage(trx, { contentType, data }, at);
    await repo.linkBankImage(trx, { bank_id: bank.id, image_id: id, created_by: actor.userId || null, created_at: at });
    return { id, contentType };
  });
}

/** A picture of a previewed (not yet imported) question: only the person who uploaded the file may see it. */
export async function previewImage(ctx: AppContext, actor: Actor, importId: number, number: number, index: number) {
  const meta = await repo.findImportMeta(ctx.db, importId);
  if (!meta || meta.created_by !== actor.userId) throw fail('import_not_found');
  const expired = ctx.clock.now().getTime() - Date.parse(meta.created_at) > IMPORT_TTL_MS;
  const payload = meta.status === 'previewed' && !expired ? await repo.importPayload(ctx.db, importId) : undefined;
  const image = payload ? previewImageOf(payload, number, index) : undefined;
  if (!image) throw fail('image_not_found');
  return servedImage(image);
}
