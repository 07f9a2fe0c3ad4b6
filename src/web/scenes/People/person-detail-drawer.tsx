import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { peopleApi, type PersonDetail } from '../../api/people.ts';
import { PersonDescriptions } from '../../components/person-descriptions.tsx';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatInstantDateVi } from '../../lib/format.ts';
import { canAt, hasCapability } from '../../lib/permissions.ts';
import { PersonResults } from './person-results.tsx';
import { ancestorIds, type UnitForest } from '../../lib/unit-tree.ts';
import { PersonAccount } from './person-account.tsx';
import { PersonRoles } from './person-roles.tsx';

interface Props {
  personId: number | null;
  forest: UnitForest;
  /** Bump to reload after an edit made elsewhere. */
  reloadKey: number;
  onClose: () => void;
  onEdit: (person: PersonDetail) => void;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <Divider titlePlacement="start" style={{ marginTop: 24 }}>
        {title}
      </Divider>
      {children}
    </section>
  );
}

/** Everything about one person: fields, account, roles and the units they have worked at. */
export function PersonDetailDrawer({ personId, forest, reloadKey, onClose, onEdit }: Props) {
  const { me } = useSignedIn();
  const isPhone = useIsPhone();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (id: number) => {
    try {
      setPerson(await peopleApi.get(id));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => setPerson(null), [personId]);
  useEffect(() => {
    if (personId !== null) void load(personId);
  }, [personId, reloadKey, load]);

  const path = person ? ancestorIds(forest, person.unitId) : [];
  const canWrite = person ? canAt(me.grants, 'roster.write', path) : false;
  const canManage = person ? canAt(me.grants, 'accounts.manage', path) : false;

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 600}
      title={person ? person.fullName : 'Thông tin nhân sự'}
      extra={
        person && canWrite ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(person)}>
            Sửa
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!person && !error && <Skeleton active paragraph={{ rows: 10 }} />}
      {person && (
        <div key={person.id}>
          <PersonDescriptions person={person} />
          <Section title="Tài khoản">
            <PersonAccount key={`${person.id}-${person.userId}`} person={person} canManage={canManage} />
          </Section>
          <Section title="Vai trò">
            <PersonRoles key={person.id} person={person} forest={forest} onChanged={() => void load(person.id)} />
          </Section>
          {hasCapability(me.grants, 'assessment.monitor') && (
            <Section title="Kết quả khảo sát">
              <PersonResults personId={person.id} />
            </Section>
          )}
          <Section title="Quá trình công tác">
            {person.history.length === 0 ? (
              <Typography.Text type="secondary">Chưa có lịch sử đơn vị.</Typography.Text>
            ) : (
              <Timeline
                items={person.history.map((h, i) => ({
                  key: `${h.unitId}-${h.fromAt}-${i}`,
                  color: h.toAt ? 'gray' : 'blue',
                  content: (
                    <>
                      <div>
                        {h.unitName}
                        {!h.toAt && (
                          <Tag color="blue" style={{ marginInlineStart: 8 }}>
                            Hiện tại
                          </Tag>
                        )}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {`Từ ${formatInstantDateVi(h.fromAt)}${h.toAt ? ` đến ${formatInstantDateVi(h.toAt)}` : ''}`}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Section>
        </div>
      )}
    </Drawer>
  );
}
