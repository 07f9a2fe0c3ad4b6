import { Alert, App, Checkbox, Modal, Radio, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { unitsApi, type LoginSlipsSummary, type SlipFormat, type Unit } from '../../api/units.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';

/**
 * Prints login slips for the accounts of a unit that have no password yet. Accounts whose slips are out already keep
 * their password: printing again (Excel after PDF) never voids a slip handed out. Giving those accounts new passwords
 * is a separate, explicit choice ("Cấp lại mật khẩu ban đầu") with its consequence spelled out.
 */
export function LoginSlipsModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [format, setFormat] = useState<SlipFormat>('pdf');
  const [summary, setSummary] = useState<LoginSlipsSummary | null>(null);
  const [reissue, setReissue] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    setError(null);
    setSummary(null);
    setReissue(false);
    if (unit) unitsApi.loginSlipsSummary(unit.id).then(setSummary, (e) => setError(errorMessage(e)));
  }, [unit]);

  const handleOk = async () => {
    if (!unit) return;
    setWorking(true);
    setError(null);
    try {
      const { fileName, headers } = await unitsApi.loginSlips(unit.id, format, reissue);
      const count = Number(headers.get('x-slip-count') ?? NaN);
      message.success(Number.isFinite(count) ? `Đã tạo ${formatCount(count)} phiếu đăng nhập (${fileName}).` : `Đã tải về ${fileName}.`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setWorking(false);
    }
  };

  const printable = summary ? summary.pending + (reissue ? summary.issued : 0) : 0;
  return (
    <Modal
      title="In phiếu đăng nhập"
      open={unit !== null}
      onCancel={onClose}
      onOk={() => void handleOk()}
      okText={reissue ? 'Cấp lại mật khẩu và in phiếu' : 'In phiếu'}
      cancelText="Hủy"
      confirmLoading={working}
      okButtonProps={{ danger: reissue, disabled: printable === 0 }}
      destroyOnHidden
    >
      {!summary && !error && <Skeleton active paragraph={{ rows: 2 }} />}
      {summary && (
        <>
          <p style={{ marginTop: 0 }}>
            {summary.pending > 0 ? (
              <>
                In phiếu cho <strong>{formatCount(summary.pending)} tài khoản chưa có mật khẩu</strong> của <strong>{unit?.name}</strong>{' '}
                (cả các đơn vị trực thuộc): mỗi phiếu ghi tên đăng nhập và mật khẩu ban đầu.
              </>
            ) : (
              <>
                Mọi tài khoản chưa đăng nhập của <strong>{unit?.name}</strong> đã có phiếu: không có phiếu mới để in.
              </>
            )}
          </p>
          {summary.issued > 0 && (
            <>
              <p>
                {formatCount(summary.issued)} tài khoản đã có phiếu
                {summary.lastIssuedAt && <> (in lần gần nhất lúc {formatDateTimeVi(summary.lastIssuedAt)})</>} nhưng chưa đăng nhập:{' '}
                <strong>phiếu đã in vẫn dùng được</strong> và không bị in lại.
              </p>
              <Checkbox checked={reissue} onChange={(e) => setReissue(e.target.checked)}>
                Cấp lại mật khẩu ban đầu cho {formatCount(summary.issued)} tài khoản này (khi phiếu bị thất lạc)
              </Checkbox>
              {reissue && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ margin: '12px 0 0' }}
                  title="Phiếu đã in trước đây sẽ không dùng được nữa"
                  description={
                    <>
                      Hệ thống đặt mật khẩu ban đầu mới cho {formatCount(summary.issued)} tài khoản đã có phiếu. Hãy thu lại và hủy các
                      phiếu cũ, phát phiếu mới cho từng người.
                    </>
                  }
                />
              )}
            </>
          )}
          <div id="slip-format-label" style={{ margin: '16px 0 8px', fontWeight: 500 }}>
            Định dạng tệp
          </div>
          <Radio.Group aria-labelledby="slip-format-label" value={format} onChange={(e) => setFormat(e.target.value as SlipFormat)}>
            <Space orientation="vertical">
              <Radio value="pdf">PDF — in ngay, mỗi trang nhiều phiếu để cắt</Radio>
              <Radio value="xlsx">Excel — để trộn thư hoặc gửi cho từng người</Radio>
              <Radio value="both">Cả hai — tệp .zip gồm bản PDF và bản Excel của cùng các mật khẩu</Radio>
            </Space>
          </Radio.Group>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
    </Modal>
  );
}
