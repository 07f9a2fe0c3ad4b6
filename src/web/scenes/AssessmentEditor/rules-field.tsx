import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import type { DifficultyCounts, Topic } from '../../api/banks.ts';

const ANY = 'any';
const DIFFICULTIES = Object.entries(DIFFICULTY_LABELS) as [Difficulty, string][];

export interface RuleValue {
  topicId: number | typeof ANY;
  difficulty: Difficulty | typeof ANY;
  count: number;
}

export const RULE_ANY = ANY;

function available(topics: Topic[], withoutTopic: DifficultyCounts | null, rule: Partial<RuleValue> | undefined): number {
  const pick = (c: DifficultyCounts) => (!rule?.difficulty || rule.difficulty === ANY ? c.total : c[rule.difficulty]);
  if (!rule?.topicId || rule.topicId === ANY) return topics.reduce((n, t) => n + pick(t.counts), withoutTopic ? pick(withoutTopic) : 0);
  const topic = topics.find((t) => t.id === rule.topicId);
  return topic ? pick(topic.counts) : 0;
}

/** "n questions from topic T at level D", with what the bank holds for each rule beside it. */
export function RulesField({ topics, withoutTopic }: { topics: Topic[]; withoutTopic: DifficultyCounts | null }) {
  const form = Form.useFormInstance();
  const rules = Form.useWatch<RuleValue[] | undefined>('rules', form) ?? [];
  const total = rules.reduce((n, r) => n + (r?.count ?? 0), 0);
  return (
    <Form.List name="rules">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => {
            const have = available(topics, withoutTopic, rules[i]);
            const short = (rules[i]?.count ?? 0) > have;
            return (
              <Flex key={field.key} gap={8} align="baseline" wrap className="rule-row">
                <span className="muted">Quy tắc {i + 1}:</span>
                <Form.Item name={[field.name, 'count']} rules={[{ required: true, message: 'Nhập số câu' }]} noStyle>
                  <InputNumber min={1} max={300} aria-label={`Số câu của quy tắc ${i + 1}`} style={{ width: 90 }} />
                </Form.Item>
                <span>câu thuộc</span>
                <Form.Item name={[field.name, 'topicId']} noStyle>
                  <Select
                    aria-label={`Chuyên đề của quy tắc ${i + 1}`}
                    style={{ minWidth: 240, flex: 1 }}
                    options={[
                      { value: ANY, label: 'Mọi chuyên đề' },
                      ...topics.map((t) => ({ value: t.id, label: `${t.name} (${t.counts.total} câu)` })),
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'difficulty']} noStyle>
                  <Select
                    aria-label={`Mức độ của quy tắc ${i + 1}`}
                    style={{ width: 150 }}
                    options={[{ value: ANY, label: 'Mọi mức độ' }, ...DIFFICULTIES.map(([value, label]) => ({ value, label }))]}
                  />
                </Form.Item>
                <Typography.Text type={short ? 'danger' : 'secondary'}>ngân hàng có {have} câu</Typography.Text>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`Xóa quy tắc ${i + 1}`}
                  onClick={() => remove(field.name)}
                  disabled={fields.length === 1}
                />
              </Flex>
            );
          })}
          <Flex gap={12} align="center" style={{ marginTop: 8 }}>
            <Button icon={<PlusOutlined />} onClick={() => add({ topicId: ANY, difficulty: ANY, count: 5 })}>
              Thêm quy tắc
            </Button>
            <Typography.Text type="secondary">Tổng: {total} câu</Typography.Text>
          </Flex>
        </>
      )}
    </Form.List>
  );
}
