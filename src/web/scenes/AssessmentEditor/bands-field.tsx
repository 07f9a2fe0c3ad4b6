import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';

/** The bands (xếp loại), highest first: a label and the lowest score that earns it. */
export function BandsField() {
  return (
    <Form.List name={['scoring', 'bands']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="baseline" style={{ marginBottom: 8 }}>
              <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Nhập tên mức' }]} noStyle>
                <Input aria-label={`Tên mức xếp loại ${i + 1}`} style={{ width: 180 }} />
              </Form.Item>
              <span className="muted">từ</span>
              <Form.Item name={[field.name, 'min']} rules={[{ required: true, message: 'Nhập điểm' }]} noStyle>
                <InputNumber
                  min={0}
                  max={10}
                  step={0.25}
                  decimalSeparator=","
                  aria-label={`Điểm tối thiểu của mức ${i + 1}`}
                  style={{ width: 90 }}
                />
              </Form.Item>
              <span className="muted">điểm</span>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`Xóa mức ${i + 1}`}
                onClick={() => remove(field.name)}
                disabled={fields.length === 1}
              />
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ label: '', min: 0 })}>
            Thêm mức
          </Button>
        </>
      )}
    </Form.List>
  );
}
