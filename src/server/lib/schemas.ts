import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { RichBlock } from '../../domain/question-bank/rich-text.ts';

/** The reply of a change that has nothing else to say. */
export const OkReply = Type.Object({ ok: Type.Boolean() });
export type OkReply = Static<typeof OkReply>;

/** `{ items: [...] }`, the shape of most lists. */
export function Items<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

/** Every property required, at every level: comparing two such types compares their optional properties as well. */
type Deep<T> = T extends readonly (infer U)[] ? Deep<U>[] : T extends object ? { [K in keyof T]-?: Deep<T[K]> } : T;

/**
 * `true` when two types have the same properties at every level (mutually assignable once optional properties count
 * as present): a reply schema whose static type is not the shape the service returns — a property the serializer
 * would drop, one it would miss — fails the typecheck.
 */
export type SameShape<A, B> = [Deep<A>] extends [Deep<B>] ? ([Deep<B>] extends [Deep<A>] ? true : false) : false;

/**
 * A reply schema that must describe `T` exactly (a type of `domain/` or a service's return type):
 * `export const FooView = replyOf<Foo>()(Type.Object({ … }))` does not compile when the two differ (see SameShape).
 */
export function replyOf<T>() {
  return <S extends TSchema>(schema: S & (SameShape<Static<S>, T> extends true ? unknown : { 'the schema differs from the type': T })) =>
    schema as S;
}

/** The id of what a POST created. */
export const IdReply = Type.Object({ id: Type.Integer() });

/** A rich stem's run, paragraph or table as sent (domain/question-bank/rich-text.ts). */
const RichRunView = Type.Object({
  text: Type.String(),
  bold: Type.Optional(Type.Boolean()),
  italic: Type.Optional(Type.Boolean()),
  underline: Type.Optional(Type.Boolean()),
});
export const RichBlockView = replyOf<RichBlock>()(
  Type.Union([
    Type.Object({ type: Type.Literal('paragraph'), runs: Type.Array(RichRunView) }),
    Type.Object({ type: Type.Literal('table'), rows: Type.Array(Type.Array(Type.Array(RichRunView))) }),
  ]),
);
