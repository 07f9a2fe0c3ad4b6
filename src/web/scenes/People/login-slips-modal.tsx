import { Alert, App, Modal, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { unitsApi, type Unit } from '../../api/units.ts';
import { formatCount } from '../../lib/format.ts';

/** Issues login slips for the accounts of a unit that have not logged in yet (new initial passwords). */
export function LoginSlipsModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => setError(null), [unit]);

  const handleOk = async () => {
    if (!unit) return;
    setWorking(true);
    setError(null);
    try {
      const { fileName, headers } = await unitsApi.loginSlips(unit.id, format);
      const count = Number(headers.get('x-slip-count') ?? NaN);
      message.success(Number.isFinite(count)
        ? `Đã tạo ${formatCount(count)} phiếu đăng nhập (${fileName}).`
        : `Đã tải về ${fileName}.`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Modal title="In phiếu đăng nhập" open={unit !== null} onCancel={onClose} onOk={() => void handleOk()}
      okText="Tạo phiếu" cancelText="Hủy" confirmLoading={working} destroyOnHidden>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Mật khẩu ban đầu sẽ được đặt lại"
        description={
          <>
            Hệ thống đặt <strong>mật khẩu ban đầu mới</strong> cho mọi tài khoản của <strong>{unit?.name}</strong> (cả các
            đơn vị trực thuộc) <strong>chưa đăng nhập lần nào</strong>, rồi in ra phiếu. Phiếu in trước đó của những người này
            sẽ không dùng được nữa. Người đã đăng nhập giữ nguyên mật khẩu.
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <div id="slip-format-label" style={{ marginBottom: 8, fontWeight: 500 }}>Định dạng tệp</div>
      <Radio.Group aria-labelledby="slip-format-label" value={format} onChange={(e) => setFormat(e.target.value as 'pdf' | 'xlsx')}>
        <Space orientation="vertical">
          <Radio value="pdf">PDF — in ngay, mỗi trang nhiều phiếu để cắt</Radio>
          <Radio value="xlsx">Excel — để trộn thư hoặc gửi cho từng người</Radio>
        </Space>
      </Radio.Group>
    </Modal>
  );
}
