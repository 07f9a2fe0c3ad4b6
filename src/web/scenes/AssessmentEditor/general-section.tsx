import { Card, Col, Form, Input, Row, Select } from 'antd';
import { fold } from '../../../domain/text.ts';
import type { Bank } from '../../api/banks.ts';
import type { CampaignSummary } from '../../api/training.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import type { UnitForest } from '../../lib/unit-tree.ts';
import type { Choice } from './use-assessment-editor.ts';

interface Props {
  forest: UnitForest;
  banks: Bank[];
  campaigns: CampaignSummary[];
  earlier: Choice[];
  published: boolean;
}

/** Title, organising unit, bank, campaign, comparison and instructions. */
export function GeneralSection({ forest, banks, campaigns, earlier, published }: Props) {
  return (
    <Card title="Thông tin chung" className="form-card">
      <Form.Item name="title" label="Tên bài khảo sát" rules={[{ required: true, whitespace: true, message: 'Nhập tên bài khảo sát' }]}>
        <Input placeholder="Khảo sát kết quả bồi dưỡng chính trị hè năm học 2025–2026" maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label="Đơn vị tổ chức" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitTreeSelect forest={forest} aria-label="Đơn vị tổ chức" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bankId" label="Ngân hàng câu hỏi" rules={[{ required: true, message: 'Chọn ngân hàng câu hỏi' }]}>
            <Select
              disabled={published}
              options={banks.map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }))}
              placeholder="Chọn ngân hàng"
              aria-label="Ngân hàng câu hỏi"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="campaignId"
            label="Thuộc đợt bồi dưỡng"
            tooltip="Nếu đợt có yêu cầu chuyên cần, chỉ người tham dự đủ số buổi mới được làm bài."
          >
            <Select
              allowClear
              placeholder="Không thuộc đợt nào"
              aria-label="Đợt bồi dưỡng"
              options={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.schoolYear})` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="compareWithId" label="So sánh thống kê với bài" tooltip="Ví dụ: bài khảo sát của đợt này năm trước.">
            <Select
              allowClear
              placeholder="Không so sánh"
              aria-label="So sánh với bài"
              options={earlier}
              showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="instructions" label="Hướng dẫn cho người làm bài">
        <Input.TextArea rows={2} maxLength={5000} placeholder="Ví dụ: Mỗi câu chọn một phương án đúng nhất." />
      </Form.Item>
    </Card>
  );
}
