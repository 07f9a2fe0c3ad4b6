import { Card, Col, Form, Row, Select } from 'antd';
import { MOMENT_LABELS, type Moment } from '../../../domain/assessment/review.ts';
import { describeRounding } from '../../../domain/assessment/scoring.ts';
import type { AssessmentValues } from './assessment-form.ts';
import { BandsField } from './bands-field.tsx';

const MOMENTS = (Object.entries(MOMENT_LABELS) as [Moment, string][]).map(([value, label]) => ({ value, label }));

/** Rounding and bands; when participants see their score, their answers and the key. */
export function ScoringSection({ published }: { published: boolean }) {
  const form = Form.useFormInstance<AssessmentValues>();
  const decimals = Form.useWatch(['scoring', 'decimals'], form);
  return (
    <Card title="Chấm điểm và xem lại" className="form-card">
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name={['scoring', 'decimals']} label="Làm tròn điểm">
            <Select disabled={published} options={[0, 1, 2].map((d) => ({ value: d, label: `${d} chữ số thập phân` }))} />
          </Form.Item>
          <p className="muted">{describeRounding({ decimals: decimals ?? 2, bands: [] })}</p>
          <div className="ant-form-item-label">
            <label>Xếp loại</label>
          </div>
          <fieldset disabled={published} style={{ border: 0, padding: 0, margin: 0 }}>
            <BandsField />
          </fieldset>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['review', 'score']} label="Người làm bài xem điểm">
            <Select options={MOMENTS} />
          </Form.Item>
          <Form.Item name={['review', 'answers']} label="Xem lại bài làm của mình">
            <Select options={MOMENTS} />
          </Form.Item>
          <Form.Item name={['review', 'key']} label="Xem đáp án đúng">
            <Select options={MOMENTS} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
