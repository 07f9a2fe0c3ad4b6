import {
  ArrowLeftOutlined, CloudUploadOutlined, DeleteOutlined, EditOutlined, FilterOutlined, SearchOutlined, SettingOutlined, TagOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Empty, Input, Pagination, Popconfirm, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DIFFICULTY_LABELS, type Difficulty } from '../../../domain/question-bank/types.ts';
import { banksApi, questionImageUrl, type Bank, type DifficultyCounts, type QuestionPage, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { NotFound } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatCount } from '../../lib/format.ts';
import { BankSettingsModal } from './bank-settings-modal.tsx';
import { ExportMenu } from './export-menu.tsx';
import { ShareButton } from './share-modal.tsx';
import { QuestionEditor } from './question-editor.tsx';
import { DifficultyTag, QuestionView } from './question-view.tsx';
import { TopicModal } from './topic-modal.tsx';
import { TopicsPanel } from './topics-panel.tsx';

const PAGE_SIZE = 20;
const EMPTY_PAGE: QuestionPage = { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };

/** One bank: topics on the left, its questions (searchable, filterable, editable) on the right. */
export default function BankScene() {
  const bankId = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isPhone = useIsPhone();

  const [bank, setBank] = useState<Bank | null | undefined>(undefined);
  const [bankError, setBankError] = useState<string | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [withoutTopic, setWithoutTopic] = useState<DifficultyCounts | null>(null);
  const [topicsLoading, setTopicsLoading] = useState(true);

  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [topicId, setTopicId] = useState<number | undefined>(undefined);
  const [difficulty, setDifficulty] = useState<Difficulty | undefined>(undefined);
  const [tag, setTag] = useState<string | undefined>(undefined);
  const [bankTags, setBankTags] = useState<{ tag: string; count: number }[]>([]);
  const [page, setPage] = useState(1);
  const [questions, setQuestions] = useState<QuestionPage>(EMPTY_PAGE);
  const [questionsLoading, setQuestionsLoading] = useState(true);
  const [questionsError, setQuestionsError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const [editingId, setEditingId] = useState<number | null>(null);
  const [topicModal, setTopicModal] = useState<{ open: boolean; topic: Topic | null }>({ open: false, topic: null });
  const [editingBank, setEditingBank] = useState(false);
  const [topicsOpen, setTopicsOpen] = useState(false);

  const loadBank = useCallback(() => {
    banksApi.list().then((all) => setBank(all.find((b) => b.id === bankId) ?? null))
      .catch((err: unknown) => { setBankError(errorMessage(err)); setBank(null); });
  }, [bankId]);
  useEffect(loadBank, [loadBank]);

  const loadTopics = useCallback(async () => {
    setTopicsLoading(true);
    try {
      const [result, tags] = await Promise.all([banksApi.topics(bankId), banksApi.tags(bankId)]);
      setTopics(result.items);
      setWithoutTopic(result.withoutTopic);
      setBankTags(tags);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setTopicsLoading(false);
    }
  }, [bankId, message]);

  useEffect(() => { void loadTopics(); }, [loadTopics]);

  // Back to the first page whenever the filters change.
  useEffect(() => { setPage(1); }, [q, topicId, difficulty, tag]);

  useEffect(() => {
    let live = true;
    setQuestionsLoading(true);
    banksApi.questions(bankId, { q: q || undefined, topicId, difficulty, tag, page, pageSize: PAGE_SIZE })
      .then((result) => { if (live) { setQuestions(result); setQuestionsError(null); } })
      .catch((err: unknown) => live && setQuestionsError(errorMessage(err)))
      .finally(() => live && setQuestionsLoading(false));
    return () => { live = false; };
  }, [bankId, q, topicId, difficulty, tag, page, reloadKey]);

  const refresh = () => {
    setReloadKey((k) => k + 1);
    void loadTopics();
  };

  const remove = async (id: number) => {
    try {
      await banksApi.deleteQuestion(id);
      message.success('Đã xóa câu hỏi.');
      refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  if (bank === null && !bankError) return <NotFound />;

  const selectTopic = (id: number | undefined) => {
    setTopicId(id);
    setTopicsOpen(false);
  };
  const panel = (
    <TopicsPanel topics={topics} withoutTopic={withoutTopic} loading={topicsLoading} selectedId={topicId}
      onSelect={selectTopic} onAdd={() => setTopicModal({ open: true, topic: null })}
      onEdit={(topic) => setTopicModal({ open: true, topic })} />
  );
  const filtered = Boolean(q || topicId || difficulty || tag);

  return (
    <>
      <Link to="/ngan-hang" className="back-link"><ArrowLeftOutlined /> Ngân hàng câu hỏi</Link>
      <PageHeader
        title={bank?.name ?? 'Ngân hàng câu hỏi'}
        subtitle={bank ? (
          <Space size={[8, 4]} wrap>
            <span>Mã {bank.code}</span><span>·</span><span>{bank.unitName}</span>
            {!bank.owns && <Tag color="purple">Được chia sẻ</Tag>}
            {!bank.active && <Tag>Ngừng sử dụng</Tag>}
          </Space>
        ) : undefined}
        extra={
          <>
            {isPhone && <Button icon={<FilterOutlined />} onClick={() => setTopicsOpen(true)}>Chuyên đề</Button>}
            {bank?.owns && (
              <Button icon={<SettingOutlined />} onClick={() => setEditingBank(true)}>{isPhone ? 'Thông tin' : 'Thông tin ngân hàng'}</Button>
            )}
            {bank?.owns && <ShareButton bank={bank} onChanged={loadBank} />}
            {bank && <ExportMenu bankId={bankId} bankCode={bank.code} topicId={topicId} />}
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => navigate(`/ngan-hang/${bankId}/nhap`)}>Nhập câu hỏi</Button>
          </>
        }
      />
      {bankError && <Alert type="error" showIcon title={bankError} style={{ marginBottom: 16 }} role="alert" />}
      {bank && !bank.active && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title="Ngân hàng đã ngừng sử dụng: câu hỏi vẫn xem, sửa và xuất được, nhưng không dùng để tạo bài khảo sát mới." />
      )}
      <div className="bank-layout">
        {!isPhone && <div className="bank-layout__topics">{panel}</div>}
        <div className="bank-layout__questions">
          <Card>
            <div className="filters bank-filters">
              <Input className="filters__search" allowClear prefix={<SearchOutlined />} value={search}
                onChange={(e) => setSearch(e.target.value)} placeholder="Tìm theo nội dung câu hỏi, phương án"
                aria-label="Tìm câu hỏi (gõ không dấu cũng được)" />
              <Select aria-label="Chuyên đề" placeholder="Chuyên đề: tất cả" allowClear value={topicId} onChange={setTopicId}
                className="bank-filters__topic" showSearch={{ optionFilterProp: 'label' }} popupMatchSelectWidth={false}
                options={topics.map((t) => ({ value: t.id, label: t.name }))} />
              <Select aria-label="Mức độ" placeholder="Mức độ: tất cả" allowClear value={difficulty} onChange={setDifficulty}
                className="bank-filters__level"
                options={(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))} />
              <Select aria-label="Nhãn" placeholder="Nhãn: tất cả" allowClear value={tag} onChange={setTag}
                className="bank-filters__tag" showSearch={{ optionFilterProp: 'label' }} popupMatchSelectWidth={false}
                notFoundContent="Chưa có nhãn nào"
                options={bankTags.map((t) => ({ value: t.tag, label: `${t.tag} (${formatCount(t.count)})` }))} />
              <span className="muted" aria-live="polite">{formatCount(questions.total)} câu hỏi</span>
            </div>
            {questionsError && <Alert type="error" showIcon title={questionsError} role="alert" style={{ marginBottom: 12 }} />}
            {questionsLoading && questions.items.length === 0 && <Skeleton active paragraph={{ rows: 6 }} />}
            {!questionsLoading && questions.items.length === 0 && !questionsError && (
              <Empty description={filtered ? 'Không có câu hỏi nào khớp bộ lọc.' : 'Ngân hàng chưa có câu hỏi nào.'}>
                {!filtered && (
                  <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => navigate(`/ngan-hang/${bankId}/nhap`)}>
                    Nhập câu hỏi từ tệp
                  </Button>
                )}
              </Empty>
            )}
            <ol className="question-list" aria-label="Câu hỏi" aria-busy={questionsLoading}
              start={(questions.page - 1) * questions.pageSize + 1}>
              {questions.items.map((item, i) => (
                <li key={item.id} className="question-list__item" aria-label={`Câu ${(questions.page - 1) * questions.pageSize + i + 1}`}>
                  <QuestionView stem={item.stem} stemRich={item.stemRich}
                    stemImages={item.stemImages.map((id) => questionImageUrl(item.id, id))}
                    options={item.options.map((o) => ({ ...o, images: o.images.map((id) => questionImageUrl(item.id, id)) }))}
                    heading={
                      <div className="question-list__meta">
                        <Typography.Text strong>Câu {(questions.page - 1) * questions.pageSize + i + 1}</Typography.Text>
                        <Space size={[4, 4]} wrap>
                          <Tag>{item.topic ?? 'Chưa có chuyên đề'}</Tag>
                          <DifficultyTag value={item.difficulty} />
                          <Tag bordered={false}>Phiên bản {item.version}</Tag>
                          {item.tags.map((t) => (
                            <Tag key={t} color="cyan" icon={<TagOutlined />} className="question-tag">{t}</Tag>
                          ))}
                        </Space>
                      </div>
                    }
                    footer={
                      <Space className="question-list__actions" wrap>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(item.id)}
                          aria-label={`Sửa câu ${(questions.page - 1) * questions.pageSize + i + 1}`}>Sửa</Button>
                        <Popconfirm title="Xóa câu hỏi này?" description="Bài khảo sát đã dùng câu hỏi vẫn giữ nguyên kết quả."
                          okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove(item.id)}>
                          <Button size="small" danger icon={<DeleteOutlined />}
                            aria-label={`Xóa câu ${(questions.page - 1) * questions.pageSize + i + 1}`}>Xóa</Button>
                        </Popconfirm>
                        {item.source && <span className="muted question-list__source">Nguồn: {item.source}</span>}
                      </Space>
                    } />
                </li>
              ))}
            </ol>
            {questions.total > questions.pageSize && (
              <Pagination align="end" current={questions.page} pageSize={questions.pageSize} total={questions.total}
                showSizeChanger={false} onChange={(p) => { setPage(p); window.scrollTo({ top: 0 }); }}
                showTotal={(t) => `${formatCount(t)} câu`} style={{ marginTop: 16 }} />
            )}
          </Card>
        </div>
      </div>
      {isPhone && (
        <Drawer open={topicsOpen} onClose={() => setTopicsOpen(false)} placement="left" size="85%" title="Chọn chuyên đề"
          styles={{ body: { padding: 8 } }}>
          {panel}
        </Drawer>
      )}
      <QuestionEditor questionId={editingId} topics={topics} onClose={() => setEditingId(null)}
        onSaved={() => { setEditingId(null); refresh(); }} />
      <TopicModal bankId={bankId} topic={topicModal.topic} open={topicModal.open}
        onClose={() => setTopicModal({ open: false, topic: null })}
        onSaved={(deleted) => {
          if (deleted && topicId === topicModal.topic?.id) setTopicId(undefined);
          setTopicModal({ open: false, topic: null });
          refresh();
        }} />
      {bank?.owns && (
        <BankSettingsModal bank={bank} open={editingBank} onClose={() => setEditingBank(false)}
          onSaved={() => { setEditingBank(false); loadBank(); }} />
      )}
    </>
  );
}
