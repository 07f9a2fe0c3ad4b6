import { App, Card, Drawer } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { banksApi, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { NotFound } from '../../components/not-found.tsx';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { BankHeader } from './bank-header.tsx';
import { BankSettingsModal } from './bank-settings-modal.tsx';
import { QuestionEditor } from './question-editor.tsx';
import { QuestionFilters } from './question-filters.tsx';
import { QuestionList } from './question-list.tsx';
import { TopicModal } from './topic-modal.tsx';
import { TopicsPanel } from './topics-panel.tsx';
import { useBank, useBankTopics } from './use-bank.ts';
import { useQuestionList } from './use-question-list.ts';

/** One bank: topics on the left, its questions (searchable, filterable, editable) on the right. */
export default function BankScene() {
  const bankId = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { bank, error: bankError, reload: reloadBank } = useBank(bankId);
  const topics = useBankTopics(bankId);
  const list = useQuestionList(bankId);

  const [editingId, setEditingId] = useState<number | null>(null);
  const [topicModal, setTopicModal] = useState<{ open: boolean; topic: Topic | null }>({ open: false, topic: null });
  const [editingBank, setEditingBank] = useState(false);
  const [topicsOpen, setTopicsOpen] = useState(false);

  const refresh = () => {
    list.reload();
    void topics.reload();
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

  const openImport = () => navigate(`/ngan-hang/${bankId}/nhap`);
  const selectTopic = (id: number | undefined) => {
    list.setTopicId(id);
    setTopicsOpen(false);
  };
  const panel = (
    <TopicsPanel
      topics={topics.topics}
      withoutTopic={topics.withoutTopic}
      loading={topics.loading}
      selectedId={list.topicId}
      onSelect={selectTopic}
      onAdd={() => setTopicModal({ open: true, topic: null })}
      onEdit={(topic) => setTopicModal({ open: true, topic })}
    />
  );

  return (
    <>
      <BankHeader
        bankId={bankId}
        bank={bank}
        error={bankError}
        isPhone={isPhone}
        topicId={list.topicId}
        onTopics={() => setTopicsOpen(true)}
        onSettings={() => setEditingBank(true)}
        onShared={reloadBank}
        onImport={openImport}
      />
      <div className="bank-layout">
        {!isPhone && <div className="bank-layout__topics">{panel}</div>}
        <div className="bank-layout__questions">
          <Card>
            <QuestionFilters
              search={list.search}
              onSearch={list.setSearch}
              topics={topics.topics}
              topicId={list.topicId}
              onTopic={list.setTopicId}
              difficulty={list.difficulty}
              onDifficulty={list.setDifficulty}
              tags={topics.tags}
              tag={list.tag}
              onTag={list.setTag}
              total={list.questions.total}
            />
            <QuestionList
              questions={list.questions}
              loading={list.loading}
              error={list.error}
              filtered={list.filtered}
              onImport={openImport}
              onEdit={setEditingId}
              onDelete={remove}
              onPage={(p) => {
                list.setPage(p);
                window.scrollTo({ top: 0 });
              }}
            />
          </Card>
        </div>
      </div>
      {isPhone && (
        <Drawer
          open={topicsOpen}
          onClose={() => setTopicsOpen(false)}
          placement="left"
          size="85%"
          title="Chọn chuyên đề"
          styles={{ body: { padding: 8 } }}
        >
          {panel}
        </Drawer>
      )}
      <QuestionEditor
        questionId={editingId}
        topics={topics.topics}
        onClose={() => setEditingId(null)}
        onSaved={() => {
          setEditingId(null);
          refresh();
        }}
      />
      <TopicModal
        bankId={bankId}
        topic={topicModal.topic}
        open={topicModal.open}
        onClose={() => setTopicModal({ open: false, topic: null })}
        onSaved={(deleted) => {
          if (deleted && list.topicId === topicModal.topic?.id) list.setTopicId(undefined);
          setTopicModal({ open: false, topic: null });
          refresh();
        }}
      />
      {bank?.owns && (
        <BankSettingsModal
          bank={bank}
          open={editingBank}
          onClose={() => setEditingBank(false)}
          onSaved={() => {
            setEditingBank(false);
            reloadBank();
          }}
        />
      )}
    </>
  );
}
