import { Type } from '@fastify/type-provider-typebox';
import { Nullable, StringEnum } from '../../lib/nullable.ts';
import { replyOf, RichBlockView } from '../../lib/schemas.ts';
import { ITEM_FLAGS } from '../../../domain/statistics/items.ts';
import type { GroupSummary } from '../../../domain/statistics/summary.ts';
import type { ItemView, StatisticsView, UnitFigures } from '../../../domain/statistics/views.ts';

// The statistics page's reply (domain/statistics/views.ts, which the web and the reports share): every level listed,
// checked against the type by replyOf. Shares, means and SDs are numbers with decimals; counts are integers.
const Int = Type.Integer();
const Text = Type.String();
const Decimal = Nullable(Type.Number());

export const GroupSummaryView = replyOf<GroupSummary>()(
  Type.Object({
    took: Int,
    mean: Decimal,
    median: Decimal,
    sd: Decimal,
    sampleSd: Decimal,
    min: Decimal,
    max: Decimal,
    distribution: Type.Array(Int),
    bands: Type.Array(Type.Object({ label: Text, count: Int, percent: Decimal, good: Type.Boolean() })),
    goodCount: Int,
    goodPercent: Decimal,
  }),
);

export const UnitFiguresView = replyOf<UnitFigures>()(
  Type.Object({
    unitId: Int,
    name: Text,
    eligible: Int,
    took: Int,
    didNotTake: Int,
    participationPercent: Decimal,
    summary: GroupSummaryView,
    hasChildren: Type.Boolean(),
    compare: Nullable(Type.Object({ took: Int, mean: Decimal, goodPercent: Decimal })),
  }),
);

const CutFiguresView = Type.Object({ key: Text, label: Text, summary: GroupSummaryView });

const OptionFigureView = Type.Object({
  letter: Text,
  count: Int,
  percent: Decimal,
  isKey: Type.Boolean(),
  upperShare: Decimal,
  lowerShare: Decimal,
});
export const ItemViewView = replyOf<ItemView>()(
  Type.Object({
    index: Int,
    key: Text,
    attempts: Int,
    correct: Int,
    facility: Decimal,
    pointBiserial: Decimal,
    upperCorrect: Decimal,
    lowerCorrect: Decimal,
    upperLower: Decimal,
    options: Type.Array(OptionFigureView),
    omitted: OptionFigureView,
    flags: Type.Array(StringEnum(ITEM_FLAGS)),
    questionId: Int,
    versionId: Int,
    stem: Text,
    stemRich: Nullable(Type.Array(RichBlockView)),
    optionTexts: Type.Array(Text),
  }),
);

export const StatisticsReply = replyOf<StatisticsView>()(
  Type.Object({
    assessment: Type.Object({ id: Int, title: Text, opensAt: Text, closesAt: Text, questionCount: Int, unitName: Text }),
    bands: Type.Array(Type.Object({ label: Text, min: Type.Number() })),
    goodLabel: Text,
    live: Type.Boolean(),
    computedAt: Text,
    regradedAt: Nullable(Text),
    populationFrozenAt: Nullable(Text),
    onEdges: Int,
    node: UnitFiguresView,
    path: Type.Array(Type.Object({ unitId: Nullable(Type.Integer()), name: Text })),
    children: Type.Array(UnitFiguresView),
    overall: GroupSummaryView,
    cuts: Type.Object({
      bySchoolLevel: Type.Array(CutFiguresView),
      byPosition: Type.Array(CutFiguresView),
      byPartyMember: Type.Array(CutFiguresView),
      byVariant: Nullable(Type.Array(CutFiguresView)),
    }),
    test: Nullable(
      Type.Object({
        attempts: Int,
        questions: Int,
        meanCorrect: Decimal,
        sdCorrect: Decimal,
        kr20: Decimal,
        semCorrect: Decimal,
        semScore: Decimal,
        correctDistribution: Type.Array(Int),
      }),
    ),
    items: Nullable(Type.Array(ItemViewView)),
    itemsHidden: Nullable(Text),
    comparison: Nullable(Type.Object({ assessmentId: Int, title: Text, overall: GroupSummaryView })),
  }),
);

/** A corrected key: how many attempts were regraded, how many changed, the key now. */
export const KeyCorrectionReply = Type.Object({ total: Int, changed: Int, key: Text });
