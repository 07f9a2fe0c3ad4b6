import { Card, Col, Form, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { fold } from '../../../domain/text.ts';
import type { DifficultyCounts, Topic } from '../../api/banks.ts';
import type { AssessmentValues } from './assessment-form.ts';
import { RulesField } from './rules-field.tsx';
import type { Choice } from './use-assessment-editor.ts';

interface Props {
  published: boolean;
  topics: { items: Topic[]; withoutTopic: DifficultyCounts | null };
  questionOptions: Choice[];
}

/** How questions are chosen (rules or a fixed list) and the variants (a few shared codes or one per person, shuffles). */
export function QuestionsSection({ published, topics, questionOptions }: Props) {
  const form = Form.useFormInstance<AssessmentValues>();
  const selectionMode = Form.useWatch('selectionMode', form);
  const variantMode = Form.useWatch('variantMode', form);
  return (
    <Card title="Câu hỏi và mã đề" className="form-card">
      <Form.Item name="selectionMode" label="Cách chọn câu hỏi">
        <Radio.Group
          disabled={published}
          options={[
            { value: 'rules', label: 'Rút ngẫu nhiên theo chuyên đề và mức độ' },
            { value: 'fixed', label: 'Danh sách câu hỏi cố định' },
          ]}
        />
      </Form.Item>
      {selectionMode === 'fixed' ? (
        <Form.Item name="questionIds" label="Các câu hỏi (theo thứ tự)" rules={[{ required: true, message: 'Chọn câu hỏi' }]}>
          <Select
            mode="multiple"
            disabled={published}
            options={questionOptions}
            aria-label="Các câu hỏi"
            showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }}
          />
        </Form.Item>
      ) : (
        <fieldset disabled={published} style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
          <RulesField topics={topics.items} withoutTopic={topics.withoutTopic} />
        </fieldset>
      )}
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="variantMode" label="Mã đề">
            <Radio.Group
              disabled={published}
              options={[
                { value: 'fixed', label: 'Một số mã đề' },
                { value: 'per_person', label: 'Mỗi người một mã đề' },
              ]}
            />
          </Form.Item>
        </Col>
        {variantMode === 'fixed' ? (
          <Col xs={12} md={4}>
            <Form.Item name="variantCount" label="Số mã đề" rules={[{ required: true, message: 'Nhập số mã đề' }]}>
              <InputNumber min={1} max={50} disabled={published} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : (
          // Still registered, so the saved definition keeps its count (a hidden field is not submitted otherwise).
          <Form.Item name="variantCount" hidden>
            <InputNumber aria-label="Số mã đề" />
          </Form.Item>
        )}
        <Col xs={12} md={5}>
          <Form.Item name="shuffleQuestions" label="Trộn thứ tự câu" valuePropName="checked">
            <Switch disabled={published} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name="shuffleOptions"
            label="Trộn phương án"
            valuePropName="checked"
            tooltip="Phương án cố định (ví dụ “Tất cả các phương án trên”) luôn giữ vị trí."
          >
            <Switch disabled={published} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
