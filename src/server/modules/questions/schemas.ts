import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, NullableEnum, OneOf } from '../../lib/nullable.ts';
import { RICH_LIMITS } from '../../../domain/question-bank/rich-text.ts';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../../domain/question-bank/tags.ts';

const DifficultyValue = Type.Union([Type.Literal('recognition'), Type.Literal('comprehension'), Type.Literal('application')]);

export const QuestionQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  topicId: Type.Optional(Type.Integer()),
  difficulty: Type.Optional(DifficultyValue),
  tag: Type.Optional(Type.String({ maxLength: MAX_TAG_LENGTH })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type QuestionQuery = Static<typeof QuestionQuery>;

// Twice the limits the service checks with a message naming the problem; beyond them the request is refused outright.
const RichRun = Type.Object({
  text: Type.String({ maxLength: RICH_LIMITS.text }),
  bold: Type.Optional(Type.Boolean()),
  italic: Type.Optional(Type.Boolean()),
  underline: Type.Optional(Type.Boolean()),
});
const Runs = Type.Array(RichRun, { maxItems: RICH_LIMITS.runs * 2 });
const RichBlock = Type.Union([
  Type.Object({ type: Type.Literal('paragraph'), runs: Runs }),
  Type.Object({
    type: Type.Literal('table'),
    rows: Type.Array(Type.Array(Runs, { maxItems: RICH_LIMITS.cells * 2 }), { maxItems: RICH_LIMITS.rows * 2 }),
  }),
]);
const ImageIds = (maxItems: number) => Type.Array(Type.Integer({ minimum: 1 }), { maxItems });

export const EditBody = Type.Object({
  stem: Type.Optional(Type.String({ maxLength: RICH_LIMITS.text })),
  stemRich: Type.Optional(Nullable(Type.Array(RichBlock, { maxItems: RICH_LIMITS.blocks * 2 }))),
  stemImages: Type.Optional(ImageIds(10)),
  options: Type.Array(
    Type.Object({
      text: Type.String({ maxLength: 2000 }),
      correct: Type.Boolean(),
      pinned: Type.Boolean(),
      images: Type.Optional(ImageIds(5)),
    }),
    { maxItems: 8 },
  ),
  topicId: Type.Optional(Nullable(Type.Integer())),
  difficulty: Type.Optional(NullableEnum(['recognition', 'comprehension', 'application'] as const)),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: MAX_TAGS * 2 })),
  source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type EditBody = Static<typeof EditBody>;

export const ExportQuery = Type.Object({
  format: OneOf(['docx', 'xlsx', 'gift', 'aiken', 'qti'] as const),
  topicId: Type.Optional(Type.Integer()),
});
export type ExportQuery = Static<typeof ExportQuery>;

export const CommitBody = Type.Object({ numbers: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20_000 }) });
export type CommitBody = Static<typeof CommitBody>;

export const ImageParams = Type.Object({ id: Type.Integer(), imageId: Type.Integer() });
export type ImageParams = Static<typeof ImageParams>;

export const PreviewImageParams = Type.Object({ id: Type.Integer(), number: Type.Integer(), index: Type.Integer({ minimum: 0 }) });
export type PreviewImageParams = Static<typeof PreviewImageParams>;

// Replies.
const RichStem = Type.Union([Type.Array(RichBlock), Type.Null()]);
const Difficulty = NullableEnum(['recognition', 'comprehension', 'application'] as const);
export const QuestionOptionView = Type.Object({
  letter: Type.String(),
  text: Type.String(),
  pinned: Type.Boolean(),
  correct: Type.Boolean(),
  images: Type.Array(Type.Integer()),
});
export type QuestionOptionView = Static<typeof QuestionOptionView>;

export const QuestionRow = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  topic: Nullable(Type.String()),
  difficulty: Difficulty,
  stem: Type.String(),
  stemRich: RichStem,
  tags: Type.Array(Type.String()),
  source: Nullable(Type.String()),
  /** How many pictures in all (stem and options). */
  images: Type.Integer(),
  stemImages: Type.Array(Type.Integer()),
  options: Type.Array(QuestionOptionView),
});
export type QuestionRow = Static<typeof QuestionRow>;

export const QuestionPage = Type.Object({
  items: Type.Array(QuestionRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type QuestionPage = Static<typeof QuestionPage>;

export const TagList = Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) });

export const QuestionDetail = Type.Object({
  id: Type.Integer(),
  bankId: Type.Integer(),
  version: Type.Integer(),
  topicId: Nullable(Type.Integer()),
  topic: Nullable(Type.String()),
  difficulty: Difficulty,
  stem: Type.String(),
  stemRich: RichStem,
  stemImages: Type.Array(Type.Integer()),
  options: Type.Array(QuestionOptionView),
  tags: Type.Array(Type.String()),
  source: Nullable(Type.String()),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      createdAt: Type.String(),
      createdBy: Nullable(Type.String()),
      locked: Type.Boolean(),
      usedBy: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), opensAt: Type.String() })),
    }),
  ),
});
export type QuestionDetail = Static<typeof QuestionDetail>;

export const EditReply = Type.Object({ id: Type.Integer(), version: Type.Integer(), newVersion: Type.Boolean() });
export const ImageUploadReply = Type.Object({ id: Type.Integer(), contentType: Type.String() });
export const CommitReply = Type.Object({ imported: Type.Integer(), topicsCreated: Type.Integer(), total: Type.Integer() });

/** The `result` of the import's NDJSON stream (not serialised through a schema: the stream writes it). */
export const ImportedQuestion = Type.Object({
  number: Type.Integer(),
  line: Type.Integer(),
  stem: Type.String(),
  stemRich: RichStem,
  topic: Nullable(Type.String()),
  difficulty: Difficulty,
  /** How many pictures; stemImages and options[].images number them for the preview image URL. */
  images: Type.Integer(),
  stemImages: Type.Array(Type.Integer()),
  options: Type.Array(QuestionOptionView),
});
export const QuestionImportPreview = Type.Object({
  /** null when the file holds no question: nothing is stored to commit. */
  importId: Nullable(Type.Integer()),
  questions: Type.Array(ImportedQuestion),
  problems: Type.Array(Type.Object({ question: Nullable(Type.Integer()), line: Type.Integer(), message: Type.String() })),
});
export type QuestionImportPreview = Static<typeof QuestionImportPreview>;
