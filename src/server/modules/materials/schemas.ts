import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../../lib/nullable.ts';

export const MaterialView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('file'), Type.Literal('link')]),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  contentType: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  topicId: Nullable(Type.Integer()),
  topicName: Nullable(Type.String()),
  /** Opened in the browser (PDF, images) rather than downloaded. */
  inline: Type.Boolean(),
  /** For the people who manage the materials: distinct readers and openings. */
  readers: Type.Optional(Type.Integer()),
  opens: Type.Optional(Type.Integer()),
});
export type MaterialView = Static<typeof MaterialView>;
export const MaterialList = Type.Object({ items: Type.Array(MaterialView) });
export const UploadReply = Type.Object({ id: Type.Integer(), title: Type.String(), contentType: Type.String() });
export const OpenLinkReply = Type.Object({ url: Nullable(Type.String()) });
