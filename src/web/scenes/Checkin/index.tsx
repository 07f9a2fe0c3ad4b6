import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { trainingApi } from '../../api/training.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { statusLabel } from '../../lib/training-format.ts';

type Outcome = Awaited<ReturnType<typeof trainingApi.checkin>>;

/** A participant types the code shown at the site (or arrives here from its QR code, which carries it). */
export default function CheckinScene() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const { run, pending: busy, error } = useAction({ errors: 'inline' });
  const [done, setDone] = useState<Outcome | null>(null);
  const submitted = useRef(false);

  const submit = useCallback((value: string) => run(async () => setDone(await trainingApi.checkin(value))), [run]);
  useEffect(() => {
    const fromQr = params.get('ma');
    if (fromQr && !submitted.current) {
      submitted.current = true;
      void submit(fromQr);
    }
  }, [params, submit]);

  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <PageHeader title="Tự điểm danh" />
      {done ? (
        <Card>
          <Result
            icon={<CheckCircleFilled style={{ color: '#389e0d' }} />}
            status="success"
            title={done.already ? `Bạn đã được điểm danh: ${statusLabel(done.status)}` : `Đã điểm danh: ${statusLabel(done.status)}`}
            subTitle={`${done.siteName}${done.topicName ? ` · ${done.topicName}` : ''}`}
            extra={<Link to="/thi/lich-hoc">Xem lịch học, tài liệu</Link>}
          />
        </Card>
      ) : (
        <Card>
          <Form layout="vertical" onFinish={() => void submit(code)}>
            <Form.Item label="Mã điểm danh trên màn hình điểm cầu" htmlFor="checkin-code">
              <Input
                id="checkin-code"
                size="large"
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                maxLength={10}
                autoComplete="off"
                autoCapitalize="characters"
                inputMode="text"
                className="checkin-input"
                placeholder="VD: 7KQ2MX"
              />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
            <Button type="primary" size="large" block htmlType="submit" loading={busy} disabled={code.trim().length < 6}>
              Điểm danh
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
