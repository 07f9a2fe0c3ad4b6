import { EditOutlined, EyeOutlined, FilePdfOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Skeleton, Space, Statistic, Tabs, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { MOMENT_LABELS } from '../../../domain/assessment/review.ts';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import { assessmentsApi, type AssemblyCheck, type AssessmentDetail } from '../../api/assessments.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount, formatDateTimeVi } from '../../lib/format.ts';
import { AssessmentStatusTag } from '../Assessments/status-tag.tsx';
import { ResultsTab } from './results-tab.tsx';
import { StatisticsTab } from '../Statistics/index.tsx';

function selectionText(detail: AssessmentDetail): string {
  const s = detail.input.selection;
  if (s.mode === 'fixed') return `${s.questionIds.length} câu hỏi cố định`;
  const name = (topicId: number) => detail.topics.find((t) => t.id === topicId)?.name ?? `#${topicId}`;
  return s.rules
    .map(
      (r) =>
        `${r.count} câu ${r.topicId === null ? 'mọi chuyên đề' : `chuyên đề “${name(r.topicId)}”`}`
        + `${r.difficulty ? `, ${DIFFICULTY_LABELS[r.difficulty as Difficulty].toLowerCase()}` : ''}`,
    )
    .join('; ');
}

/** One assessment: its definition, the check of the bank, publishing, the paper codes and the way to the monitor. */
export default function AssessmentScene() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const load = useCallback(() => assessmentsApi.get(id), [id]);
  const { data: detail, error, reload } = useLoader<AssessmentDetail | null>(load, null);
  const [check, setCheck] = useState<AssemblyCheck | null>(null);
  const { run: act, running: busy } = useAction();
  // `busy` names the button that spins.
  const run = <T,>(what: string, action: () => Promise<T>, success?: (result: T) => string) => act(action, { key: what, success });

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!detail)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  const draft = detail.status === 'draft';
  const i = detail.input;
  const settings = (
    <>
      <Card title="Thiết lập" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Ngân hàng">{detail.bankName}</Descriptions.Item>
          <Descriptions.Item label="Thời gian mở">
            {formatDateTimeVi(detail.opensAt)} → {formatDateTimeVi(detail.closesAt)}
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian làm bài">
            {detail.durationMin} phút (chờ nộp muộn {i.graceSeconds} giây)
          </Descriptions.Item>
          <Descriptions.Item label="Số lần làm">{i.attemptsAllowed}</Descriptions.Item>
          <Descriptions.Item label="Câu hỏi">
            {detail.questionCount} câu: {selectionText(detail)}
          </Descriptions.Item>
          <Descriptions.Item label="Mã đề">
            {i.variantMode === 'fixed' ? `${i.variantCount} mã đề` : 'Mỗi người một mã đề'}
            {` · ${i.shuffleQuestions ? 'trộn câu' : 'không trộn câu'}, ${i.shuffleOptions ? 'trộn phương án' : 'không trộn phương án'}`}
          </Descriptions.Item>
          <Descriptions.Item label="Cách tính điểm" span={2}>
            {detail.roundingRule}
          </Descriptions.Item>
          <Descriptions.Item label="Xếp loại" span={2}>
            <Space wrap>
              {i.scoring.bands.map((b) => (
                <Tag key={b.label}>
                  {b.label} ≥ {b.min.toLocaleString('vi-VN')}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Xem điểm">{MOMENT_LABELS[i.review.score]}</Descriptions.Item>
          <Descriptions.Item label="Xem đáp án">{MOMENT_LABELS[i.review.key]}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị làm bài" span={2}>
            {detail.targets.map((t) => t.unitName).join(', ') || '—'}
          </Descriptions.Item>
          {detail.invitees.length > 0 && (
            <Descriptions.Item label="Người được mời" span={2}>
              {formatCount(detail.invitees.length)} người
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {detail.canManage && (
        <Card title="Đề giấy dự phòng (kèm đáp án)">
          {detail.variants.length === 0 ? (
            <Empty description={draft ? 'Mã đề được tạo khi phát hành.' : 'Mỗi người một mã đề: không có đề in chung.'} />
          ) : (
            <Space wrap>
              {detail.variants.map((v) => (
                <Space.Compact key={v.code}>
                  <Button disabled>Mã đề {v.code}</Button>
                  <Button
                    icon={<FileWordOutlined />}
                    loading={busy === `${v.code}docx`}
                    onClick={() =>
                      void run(`${v.code}docx`, async () => {
                        await assessmentsApi.paper(id, v.code, 'docx');
                      })
                    }
                  >
                    Word
                  </Button>
                  <Button
                    icon={<FilePdfOutlined />}
                    loading={busy === `${v.code}pdf`}
                    onClick={() =>
                      void run(`${v.code}pdf`, async () => {
                        await assessmentsApi.paper(id, v.code, 'pdf');
                      })
                    }
                  >
                    PDF
                  </Button>
                </Space.Compact>
              ))}
            </Space>
          )}
        </Card>
      )}
    </>
  );
  return (
    <>
      <PageHeader
        title={detail.title}
        subtitle={
          <Space>
            <AssessmentStatusTag assessment={detail} />
            {detail.unitName}
          </Space>
        }
        extra={
          <>
            {detail.canManage && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/bai-khao-sat/${id}/sua`)}>
                Sửa
              </Button>
            )}
            {detail.canManage && draft && (
              <Button loading={busy === 'check'} onClick={() => void run('check', async () => setCheck(await assessmentsApi.check(id)))}>
                Kiểm tra đề
              </Button>
            )}
            {detail.canManage && draft && (
              <Popconfirm
                title="Phát hành bài khảo sát?"
                okText="Phát hành"
                cancelText="Để sau"
                description="Câu hỏi và mã đề sẽ được cố định; người làm bài thấy bài khi đến giờ mở."
                onConfirm={() =>
                  run(
                    'publish',
                    async () => {
                      const r = await assessmentsApi.publish(id);
                      setCheck(null);
                      await reload();
                      return r;
                    },
                    (r) => `Đã phát hành với ${r.variants.length ? `mã đề ${r.variants.join(', ')}` : 'mỗi người một mã đề'}.`,
                  )
                }
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'publish'}>
                  Phát hành
                </Button>
              </Popconfirm>
            )}
            {!draft && (
              <Button type="primary" icon={<EyeOutlined />} onClick={() => navigate(`/bai-khao-sat/${id}/giam-sat`)}>
                Giám sát
              </Button>
            )}
            {detail.canManage && draft && (
              <Popconfirm
                title="Xóa bản nháp này?"
                okText="Xóa"
                okButtonProps={{ danger: true }}
                cancelText="Không"
                onConfirm={() =>
                  run('delete', async () => {
                    await assessmentsApi.remove(id);
                    navigate('/bai-khao-sat');
                  })
                }
              >
                <Button danger>Xóa</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {check
        && (check.ok ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Đủ câu hỏi để tạo đề (ngân hàng có ${formatCount(check.available)} câu).`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="Ngân hàng chưa đủ câu hỏi"
            role="alert"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {check.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        ))}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Card>
            <Statistic title="Phải làm" value={detail.counts.eligible} groupSeparator="." />
          </Card>
        </Col>
        <Col xs={8}>
          <Card>
            <Statistic title="Đã bắt đầu" value={detail.counts.started} groupSeparator="." />
          </Card>
        </Col>
        <Col xs={8}>
          <Card>
            <Statistic title="Đã nộp" value={detail.counts.submitted} groupSeparator="." />
          </Card>
        </Col>
      </Row>
      <Tabs
        defaultActiveKey={draft ? 'settings' : 'statistics'}
        items={[
          ...(draft
            ? []
            : [
                { key: 'statistics', label: 'Thống kê', children: <StatisticsTab assessmentId={detail.id} /> },
                {
                  key: 'results',
                  label: 'Kết quả từng người',
                  children: (
                    <Card>
                      <ResultsTab detail={detail} />
                    </Card>
                  ),
                },
              ]),
          { key: 'settings', label: 'Thiết lập', children: settings },
        ]}
      />
    </>
  );
}
