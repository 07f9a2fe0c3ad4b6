import type { Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import { nowIso, type AppContext } from '../../context.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, fail } from '../../errors.ts';
import { fileStoreFor } from '../../files/storage.ts';
import { sniffFile } from '../../files/sniff.ts';
import { recordAudit } from '../audit/repository.ts';
import { campaignAccess, campaignForManager } from '../campaigns/access.ts';
import { findTopic } from '../campaigns/repository.ts';
import { eventAccess, eventForReader } from '../events/service.ts';
import * as repo from './repository.ts';

async function topicOf(db: Executor, campaignId: number, topicId: number | null | undefined) {
  if (!topicId) return null;
  const topic = await findTopic(db, topicId);
  if (!topic || topic.campaign_id !== campaignId) throw fail('topic_not_found');
  return topic.id;
}

/** The file name as it will be offered: the user's name, with the real extension when the name claims another. */
function storedName(fileName: string, ext: string) {
  // Characters a file system refuses, and C0 controls (\p{Cc} less U+007F–U+009F).
  const base =
    normalizeText(fileName)
      .replace(/[\\/:*?"<>|]|(?![\u007f-\u009f])\p{Cc}/gu, '_')
      .slice(0, 200) || `tai-lieu.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base.replace(/\.[a-z0-9]{1,5}$/i, '')}.${ext}`;
}

export type MaterialOwner = { campaignId: number } | { eventId: number };

/** The campaign or event a manager adds a material to. */
async function ownerForManager(db: Executor, actor: Actor, owner: MaterialOwner) {
  if ('campaignId' in owner) {
    const c = await campaignForManager(db, actor, owner.campaignId);
    return { campaign_id: c.id, event_id: null, unit_id: c.unit_id, name: c.name };
  }
  const access = await eventAccess(db, actor, owner.eventId);
  if (!access.manage) throw fail('forbidden', { action: 'thay đổi hội nghị, lớp tập huấn này' });
  return { campaign_id: null, event_id: access.event.id, unit_id: access.event.unit_id, name: access.event.name };
}

/** Checked before the upload is read, so that nobody without the right streams a file for nothing. */
export async function assertCanAddMaterial(ctx: AppContext, actor: Actor, owner: MaterialOwner) {
  await ownerForManager(ctx.db, actor, owner);
}

export async function uploadMaterial(
  ctx: AppContext,
  actor: Actor,
  owner: MaterialOwner,
  input: { fileName: string; bytes: Buffer; title?: string; topicId?: number },
) {
  const type = await sniffFile(input.bytes);
  if (!type) {
    throw fail('unsupported_material', { name: normalizeText(input.fileName) });
  }
  const store = fileStoreFor(ctx.config.dataDir);
  const key = await store.put(input.bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const c = await ownerForManager(trx, actor, owner);
      const topicId = c.campaign_id === null ? null : await topicOf(trx, c.campaign_id, input.topicId);
      const fileName = storedName(input.fileName, type.ext);
      const title = normalizeText(input.title ?? '') || fileName.replace(/\.[a-z0-9]+$/i, '');
      const at = nowIso(ctx);
      const id = await repo.insertMaterial(trx, {
        campaign_id: c.campaign_id,
        event_id: c.event_id,
        topic_id: topicId,
        title,
        kind: 'file',
        url: null,
        storage_key: key,
        file_name: fileName,
        content_type: type.contentType,
        size: input.bytes.length,
        created_by: actor.userId || null,
        created_at: at,
      });
      await recordAudit(trx, {
        at,
        actorUserId: actor.userId,
        action: 'material.upload',
        entityType: c.campaign_id ? 'campaign' : 'event',
        entityId: c.campaign_id ?? c.event_id,
        unitId: c.unit_id,
        summary: `Tải lên tài liệu "${title}" (${fileName}) cho ${c.campaign_id ? 'đợt ' : ''}"${c.name}"`,
      });
      return { id, title, contentType: type.contentType };
    });
  } catch (err) {
    await store.delete(key);
    throw err;
  }
}

export function checkUrl(url: string) {
  const value = normalizeText(url);
  if (!/^https?:\/\/\S+$/i.test(value)) throw fail('invalid_material_url');
  return value;
}

export async function addLink(
  ctx: AppContext,
  actor: Actor,
  owner: MaterialOwner,
  input: { title: string; url: string; topicId?: number | null },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await ownerForManager(trx, actor, owner);
    const title = normalizeText(input.title);
    if (!title) throw fail('material_title_required');
    const url = checkUrl(input.url);
    const topicId = c.campaign_id === null ? null : await topicOf(trx, c.campaign_id, input.topicId);
    const at = nowIso(ctx);
    const id = await repo.insertMaterial(trx, {
      campaign_id: c.campaign_id,
      event_id: c.event_id,
      topic_id: topicId,
      title,
      kind: 'link',
      url,
      storage_key: null,
      file_name: null,
      content_type: null,
      size: null,
      created_by: actor.userId || null,
      created_at: at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'material.link',
      entityType: c.campaign_id ? 'campaign' : 'event',
      entityId: c.campaign_id ?? c.event_id,
      unitId: c.unit_id,
      summary: `Thêm liên kết "${title}" cho "${c.name}"`,
    });
    return { id };
  });
}

export function materialView(m: Awaited<ReturnType<typeof repo.materialsOf>>[number], withCounts: boolean) {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind as 'file' | 'link',
    url: m.kind === 'link' ? m.url : null,
    fileName: m.file_name,
    contentType: m.content_type,
    size: m.size,
    topicId: m.topic_id,
    topicName: m.topic_name,
    inline: m.content_type === 'application/pdf' || Boolean(m.content_type?.startsWith('image/')),
    ...(withCounts ? { readers: Number(m.readers ?? 0), opens: Number(m.opens ?? 0) } : {}),
  };
}

export async function listEventMaterials(ctx: AppContext, actor: Actor, eventId: number) {
  const event = await eventForReader(ctx.db, actor, eventId);
  return (await repo.materialsOf(ctx.db, { eventId: event.id })).map((m) => materialView(m, true));
}

export async function listMaterials(ctx: AppContext, actor: Actor, campaignId: number) {
  const access = await campaignAccess(ctx.db, actor, campaignId);
  return (await repo.materialsOf(ctx.db, { campaignId: access.campaign.id })).map((m) => materialView(m, true));
}

/** Staff who can read the campaign, or anyone taking part in it (participant, proctor, lecturer); else 404. */
async function materialForReader(ctx: AppContext, actor: Actor, id: number) {
  const material = await repo.findMaterial(ctx.db, id);
  if (!material) throw fail('material_not_found');
  if (material.campaign_id !== null) {
    const takesPart = actor.personId !== null && (await repo.personInCampaign(ctx.db, material.campaign_id, actor.personId));
    if (!takesPart) {
      try {
        await campaignAccess(ctx.db, actor, material.campaign_id);
      } catch (err) {
        if (err instanceof AppError && err.statusCode === 404) throw fail('material_not_found');
        throw err;
      }
    }
  } else if (material.event_id !== null) {
    try {
      await eventForReader(ctx.db, actor, material.event_id);
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 404) throw fail('material_not_found');
      throw err;
    }
  }
  return material;
}

/** The stored file with its headers; counts the opening. */
export async function openMaterialFile(ctx: AppContext, actor: Actor, id: number) {
  const material = await materialForReader(ctx, actor, id);
  if (material.kind !== 'file' || !material.storage_key) throw fail('material_not_found');
  const bytes = await fileStoreFor(ctx.config.dataDir).get(material.storage_key);
  if (actor.userId) await repo.recordOpen(ctx.db, material.id, actor.userId, nowIso(ctx));
  const inline = material.content_type === 'application/pdf' || Boolean(material.content_type?.startsWith('image/'));
  return { bytes, contentType: material.content_type ?? 'application/octet-stream', fileName: material.file_name ?? 'tai-lieu', inline };
}

/** A link's address; counts the opening. */
export async function openMaterialLink(ctx: AppContext, actor: Actor, id: number) {
  const material = await materialForReader(ctx, actor, id);
  if (material.kind !== 'link' || !material.url) throw fail('material_not_found');
  if (actor.userId) await repo.recordOpen(ctx.db, material.id, actor.userId, nowIso(ctx));
  return { url: material.url };
}

export async function deleteMaterial(ctx: AppContext, actor: Actor, id: number) {
  const material = await repo.findMaterial(ctx.db, id);
  if (!material || material.campaign_id === null) throw fail('material_not_found');
  await ctx.db.transaction().execute(async (trx) => {
    const c = await campaignForManager(trx, actor, material.campaign_id!);
    await repo.deleteMaterial(trx, material.id);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'material.delete',
      entityType: 'campaign',
      entityId: c.id,
      unitId: c.unit_id,
      summary: `Xóa tài liệu "${material.title}" của đợt "${c.name}"`,
    });
  });
  if (material.storage_key) await fileStoreFor(ctx.config.dataDir).delete(material.storage_key);
}
