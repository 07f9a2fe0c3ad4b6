import { Flex, Form, Input, Select } from 'antd';
import type { Dispatch } from 'react';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import type { Topic } from '../../api/banks.ts';
import type { DraftAction, QuestionDraft } from './question-draft.ts';

interface Props {
  draft: QuestionDraft;
  dispatch: Dispatch<DraftAction>;
  topics: Topic[];
  bankTags: string[];
}

/** Topic, level, tags and source: what never makes a new version by itself. */
export function EditorMetaFields({ draft, dispatch, topics, bankTags }: Props) {
  return (
    <>
      <Flex gap={12} wrap style={{ marginTop: 16 }}>
        <Form.Item label="Chuyên đề" htmlFor="question-topic" style={{ flex: '1 1 240px', marginBottom: 8 }}>
          <Select
            id="question-topic"
            aria-label="Chuyên đề"
            value={draft.topicId ?? undefined}
            allowClear
            placeholder="Chưa có chuyên đề"
            onChange={(v: number | undefined) => dispatch({ type: 'topic', topicId: v ?? null })}
            showSearch={{ optionFilterProp: 'label' }}
            options={topics.map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Form.Item label="Mức độ" htmlFor="question-difficulty" style={{ flex: '1 1 180px', marginBottom: 8 }}>
          <Select
            id="question-difficulty"
            aria-label="Mức độ"
            value={draft.difficulty ?? undefined}
            allowClear
            placeholder="Chưa phân mức độ"
            onChange={(v: Difficulty | undefined) => dispatch({ type: 'difficulty', difficulty: v ?? null })}
            options={(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        label="Nhãn"
        htmlFor="question-tags"
        style={{ marginBottom: 8 }}
        extra="Gõ nhãn rồi bấm Enter, ví dụ “Luật Nhà giáo”, “ôn tập 2026”. Dùng để lọc câu hỏi."
      >
        <Select
          id="question-tags"
          aria-label="Nhãn"
          mode="tags"
          value={draft.tags}
          onChange={(v: string[]) => dispatch({ type: 'tags', tags: v })}
          placeholder="Thêm nhãn"
          tokenSeparators={[',', ';']}
          maxCount={20}
          options={bankTags.map((t) => ({ value: t, label: t }))}
        />
      </Form.Item>
      <Form.Item label="Nguồn" htmlFor="question-source" style={{ marginBottom: 8 }}>
        <Input
          id="question-source"
          value={draft.source}
          maxLength={200}
          onChange={(e) => dispatch({ type: 'source', source: e.target.value })}
          placeholder="Ví dụ: Đề cương ôn tập của Sở, 2026"
        />
      </Form.Item>
    </>
  );
}
