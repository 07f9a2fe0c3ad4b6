import { ArrowLeftOutlined, CheckOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Progress, Result, Spin, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { banksApi, previewImageUrl, type Bank, type ImportedQuestion, type QuestionImportPreview } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCount } from '../../lib/format.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { RichText } from '../../components/rich-text.tsx';
import { DifficultyTag, QuestionView } from '../Bank/question-view.tsx';
import { Thumbnails } from '../Bank/thumbnails.tsx';

const ACCEPT = '.docx,.xlsx,.gift,.txt';
const SHOWN_PROBLEMS = 30;

type Phase = 'choose' | 'uploading' | 'preview' | 'committing' | 'done';

/** Import questions from Word, Excel, GIFT or Aiken: check every question first, then write the chosen ones. */
export default function QuestionImportScene() {
  const bankId = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [bank, setBank] = useState<Bank | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<QuestionImportPreview | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ imported: number; topicsCreated: number; total: number } | null>(null);

  useEffect(() => {
    banksApi.list().then((all) => setBank(all.find((b) => b.id === bankId) ?? null)).catch(() => setBank(null));
  }, [bankId]);

  const withProblem = useMemo(() => new Set((preview?.problems ?? []).map((p) => p.question).filter((n) => n !== null)), [preview]);

  const [uploadPercent, setUploadPercent] = useState(0);

  const upload = async (file: File) => {
    setPhase('uploading');
    setFileName(file.name);
    setError(null);
    try {
      setUploadPercent(0);
      const result = await banksApi.previewImport(bankId, file, setUploadPercent);
      setPreview(result);
      setSelected(result.questions.filter((q) => !result.problems.some((p) => p.question === q.number)).map((q) => q.number));
      setPhase('preview');
    } catch (err) {
      setError(errorMessage(err));
      setPhase('choose');
    }
  };

  const commit = async () => {
    if (!preview || preview.importId === null) return;
    setPhase('committing');
    setError(null);
    try {
      const order = new Map(preview.questions.map((q, i) => [q.number, i]));
      const importId = preview.importId;
      setSummary(await banksApi.commitImport(importId, [...selected].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))));
      setPhase('done');
    } catch (err) {
      setError(errorMessage(err));
      setPhase('preview');
    }
  };

  const restart = () => {
    setPreview(null);
    setSelected([]);
    setError(null);
    setSummary(null);
    setPhase('choose');
  };

  const pictures = (q: ImportedQuestion, indexes: number[]) => indexes.map((i) => previewImageUrl(preview!.importId ?? 0, q.number, i));

  const columns: TableColumnsType<ImportedQuestion> = [
    { title: 'Câu', dataIndex: 'number', key: 'number', width: 64, align: 'right',
      render: (n: number) => (withProblem.has(n) ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: 'Nội dung', dataIndex: 'stem', key: 'stem', width: 340,
      render: (stem: string, q) => (
        <>
          <RichText className="import-stem" blocks={q.stemRich} text={stem} />
          <Thumbnails srcs={pictures(q, q.stemImages)} owner={`câu ${q.number}`} />
          {q.difficulty && <div style={{ marginTop: 4 }}><DifficultyTag value={q.difficulty} /></div>}
        </>
      ) },
    { title: 'Phương án', key: 'options', width: 320,
      render: (_v, q) => (
        <ul className="import-options">
          {q.options.map((o) => (
            <li key={o.letter} className={o.correct ? 'import-options__correct' : undefined}>
              <strong>{o.letter}.</strong> {o.text}
              {o.correct && <Tag color="green" style={{ marginInlineStart: 6 }}>Đáp án</Tag>}
              {o.pinned && <Tag style={{ marginInlineStart: 6 }}>Cố định</Tag>}
              <Thumbnails srcs={pictures(q, o.images)} owner={`phương án ${o.letter} câu ${q.number}`} />
            </li>
          ))}
        </ul>
      ) },
    { title: 'Chuyên đề', dataIndex: 'topic', key: 'topic', width: 180,
      render: (t: string | null) => t ?? <span className="muted">Chưa có</span> },
  ];

  const step = phase === 'choose' || phase === 'uploading' ? 0 : phase === 'preview' ? 1 : 2;
  const problems = preview?.problems ?? [];

  return (
    <>
      <Link to={`/ngan-hang/${bankId}`} className="back-link"><ArrowLeftOutlined /> {bank?.name ?? 'Ngân hàng câu hỏi'}</Link>
      <PageHeader title="Nhập câu hỏi" subtitle={bank ? `Vào ngân hàng ${bank.name} (${bank.code})` : undefined} />
      <Card>
        <Steps current={step} style={{ marginBottom: 24 }}
          items={[{ title: 'Chọn tệp' }, { title: 'Kiểm tra' }, { title: 'Ghi vào ngân hàng' }]} />
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}

        {step === 0 && (
          <div style={{ maxWidth: 760 }}>
            <Spin spinning={phase === 'uploading'} description={uploadPercent < 100
              ? `Đang tải ${fileName} lên…` : `Đang đọc và kiểm tra ${fileName}…`}>
              <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} disabled={phase === 'uploading'}
                beforeUpload={(file) => {
                  if (!/\.(docx|xlsx|gift|txt)$/i.test(file.name)) {
                    message.error('Chỉ nhận tệp .docx, .xlsx, .gift hoặc .txt.');
                    return Upload.LIST_IGNORE;
                  }
                  void upload(file);
                  return false;
                }}>
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">Kéo tệp Word, Excel, GIFT hoặc Aiken vào đây</p>
                <p className="ant-upload-hint">hoặc bấm để chọn tệp (.docx, .xlsx, .gift, .txt). Chưa ghi gì cho đến khi bạn xác nhận.</p>
              </Upload.Dragger>
            </Spin>
            {phase === 'uploading' && (
              <Progress percent={uploadPercent} status="active" aria-label="Tiến độ tải tệp lên" style={{ marginTop: 12 }}
                format={(p) => (p !== undefined && p >= 100 ? 'Đang kiểm tra' : `${p ?? 0}%`)} />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              Mỗi câu có nội dung và từ 2 đến 8 phương án, đúng một phương án được đánh dấu là đáp án. Chuyên đề trong tệp
              (ví dụ dòng <Typography.Text code>$CATEGORY: Tên chuyên đề</Typography.Text> của GIFT) chưa có sẽ được tạo mới.
            </Typography.Paragraph>
          </div>
        )}

        {step === 1 && preview && (
          <Flex vertical gap={16}>
            <Typography.Text type="secondary">
              Tệp <strong>{fileName}</strong>: đọc được {formatCount(preview.questions.length)} câu hỏi
              {problems.length > 0 && `, ${formatCount(problems.length)} vấn đề`}.
            </Typography.Text>
            {problems.length > 0 && (
              <Alert type="warning" showIcon role="alert"
                title={`Có ${formatCount(problems.length)} vấn đề cần xem lại`}
                description={
                  <>
                  <div>Câu có vấn đề không được chọn sẵn — bạn vẫn có thể chọn nếu thấy đúng. Câu không đọc được thì không có trong danh sách.</div>
                  <ul className="problem-list">
                    {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                      <li key={i}>
                        {p.question !== null ? `Câu ${p.question} (dòng ${p.line})` : `Dòng ${p.line}`}: {p.message}
                        {p.question !== null && !preview.questions.some((q) => q.number === p.question) && (
                          <span className="muted"> — câu này không được nhập</span>
                        )}
                      </li>
                    ))}
                    {problems.length > SHOWN_PROBLEMS && <li>… và {formatCount(problems.length - SHOWN_PROBLEMS)} vấn đề khác</li>}
                  </ul>
                  </>
                } />
            )}
            {preview.questions.length === 0 ? (
              <Alert type="error" showIcon title="Không đọc được câu hỏi nào trong tệp." />
            ) : isPhone ? (
              <Flex vertical gap={0}>
                <Checkbox checked={selected.length === preview.questions.length}
                  indeterminate={selected.length > 0 && selected.length < preview.questions.length}
                  onChange={(e) => setSelected(e.target.checked ? preview.questions.map((q) => q.number) : [])}>
                  Chọn tất cả câu hỏi
                </Checkbox>
                <ol className="question-list" aria-label="Câu hỏi trong tệp">
                  {preview.questions.map((q) => (
                    <li key={q.number} className={withProblem.has(q.number) ? 'question-list__item import-item--problem' : 'question-list__item'}>
                      <QuestionView stem={q.stem} stemRich={q.stemRich} stemImages={pictures(q, q.stemImages)}
                        options={q.options.map((o) => ({ ...o, images: pictures(q, o.images) }))}
                        heading={
                          <div className="question-list__meta">
                            <Checkbox checked={selected.includes(q.number)}
                              onChange={(e) => setSelected((prev) => (e.target.checked ? [...prev, q.number] : prev.filter((n) => n !== q.number)))}>
                              <strong>Chọn câu {q.number}</strong>
                            </Checkbox>
                            <span>
                              <Tag>{q.topic ?? 'Chưa có chuyên đề'}</Tag>
                              {q.difficulty && <DifficultyTag value={q.difficulty} />}
                            </span>
                          </div>
                        } />
                    </li>
                  ))}
                </ol>
              </Flex>
            ) : (
              <Table<ImportedQuestion>
                className="import-table"
                size="small"
                rowKey="number"
                columns={columns}
                dataSource={preview.questions}
                rowSelection={{
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getTitleCheckboxProps: () => ({ 'aria-label': 'Chọn tất cả câu hỏi' }),
                  getCheckboxProps: (q) => ({ 'aria-label': `Chọn câu ${q.number}` }),
                }}
                rowClassName={(q) => (withProblem.has(q.number) ? 'import-row--problem' : '')}
                pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
                scroll={{ x: 1000 }}
              />
            )}
            <Flex gap={8} justify="flex-end" wrap>
              <Button icon={<ReloadOutlined />} onClick={restart}>Chọn tệp khác</Button>
              <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} onClick={() => void commit()}>
                Nhập {formatCount(selected.length)} câu đã chọn
              </Button>
            </Flex>
          </Flex>
        )}

        {phase === 'committing' && (
          <Flex justify="center" style={{ padding: 32 }}><Spin description="Đang ghi câu hỏi vào ngân hàng…" /></Flex>
        )}

        {phase === 'done' && summary && (
          <Result status="success" title={`Đã nhập ${formatCount(summary.imported)} câu hỏi`}
            subTitle={[
              summary.topicsCreated ? `${formatCount(summary.topicsCreated)} chuyên đề mới` : null,
              `ngân hàng hiện có ${formatCount(summary.total)} câu`,
            ].filter(Boolean).join(' · ')}
            extra={[
              <Button type="primary" key="bank" onClick={() => navigate(`/ngan-hang/${bankId}`)}>Về ngân hàng câu hỏi</Button>,
              <Button key="again" onClick={restart}>Nhập tệp khác</Button>,
            ]} />
        )}
      </Card>
    </>
  );
}
