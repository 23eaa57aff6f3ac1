import { useTranslation } from 'react-i18next';

/** What the modules record in the audit log today; a new kind shows as recorded until named here and in the messages. */
export const ENTITIES = [
  'session',
  'user',
  'street',
  'street_template',
  'calendar_override',
  'holiday_year',
  'registry',
  'estate',
  'building',
  'stairwell',
  'unit',
  'person',
  'project',
  'checklist_item',
  'approval_step',
  'document',
  'file',
  'consultation',
  'notice',
  'objection',
  'mediation_case',
] as const;
export const ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'add_owner',
  'remove_owner',
  'reveal',
  'import',
  'export_full',
  'stage_change',
  'stage_override',
  'tick',
  'untick',
  'upload',
  'replace',
  'open',
  'close',
  'ballot_cast',
  'ballot_changed',
  'ballot_recorded',
  'ballot_confirmed',
  'reissue_code',
  'read_codes',
  'post',
  'evidence',
  'restart',
  'answer',
  'escalate',
  'session',
  'agreement',
  'settle',
  'mediation_closed',
  'seed_demo',
  'period_moved',
  'disable',
  'enable',
  'reset_password',
  'change_password',
  'end_sessions',
  'end_session',
  'unlock',
] as const;

/** Labels for entities and actions; anything not yet named shows as recorded. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: 'entities' | 'actions', key: string) => {
    const path = `audit.${group}.${key}`;
    return i18n.exists(path) ? t(path as never) : key;
  };
  return { entity: (key: string) => label('entities', key), action: (key: string) => label('actions', key) };
}
