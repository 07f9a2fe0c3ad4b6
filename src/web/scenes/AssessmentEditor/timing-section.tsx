import { Card, Col, DatePicker, Form, InputNumber, Row } from 'antd';
import { DATE_TIME } from './assessment-form.ts';

/** The window, the duration, the attempts allowed and the grace for answers still on their way. */
export function TimingSection({ published }: { published: boolean }) {
  return (
    <Card title="Thời gian" className="form-card">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="window" label="Mở bài — đóng bài" rules={[{ required: true, message: 'Chọn thời gian mở và đóng bài' }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              style={{ width: '100%' }}
              placeholder={['Mở lúc', 'Đóng lúc']}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="durationMin" label="Thời gian làm bài (phút)" rules={[{ required: true }]}>
            <InputNumber min={1} max={600} disabled={published} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="attemptsAllowed" label="Số lần làm bài" rules={[{ required: true }]}>
            <InputNumber min={1} max={20} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="graceSeconds"
            label="Chờ bài nộp muộn (giây)"
            tooltip="Câu trả lời đang trên đường truyền lúc hết giờ vẫn được nhận trong khoảng này."
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={600} disabled={published} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
