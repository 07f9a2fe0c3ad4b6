import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RichBlock } from '../../domain/question-bank/rich-text.ts';

/** The reply of a change that has nothing else to say. */
export const OkReply = Type.Object({ ok: Type.Boolean() });
export type OkReply = Static<typeof OkReply>;

/** `{ items: [...] }`, the shape of most lists. */
export function Items<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

/**
 * A reply typed by TypeScript rather than restated as a schema — a type of `domain/` that the web imports too
 * (statistics, the exam's payload, a monitor page) or the return type of a service: sent as it is (every property,
 * nothing filtered out), and its static type is that type. Prefer a real schema for new routes.
 */
export function Passthrough<T>(description: string) {
  return Type.Unsafe<T>({ type: 'object', additionalProperties: true, description });
}

/** The id of what a POST created. */
export const IdReply = Type.Object({ id: Type.Integer() });

/** A rich stem's block as sent (domain/question-bank/rich-text.ts), serialised as it is. */
export const RichBlockView = Type.Unsafe<RichBlock>({ type: 'object', additionalProperties: true });
