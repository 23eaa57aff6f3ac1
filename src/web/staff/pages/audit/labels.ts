import { useTranslation } from 'react-i18next';

/** What the audit log records today; later modules add theirs here and in the messages. */
export const ENTITIES = ['session', 'user', 'street', 'registry', 'estate', 'building', 'stairwell', 'unit', 'person', 'project', 'consultation'] as const;
export const ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'add_owner', 'remove_owner', 'reveal', 'stage_change', 'stage_override', 'import', 'export_full', 'open', 'close', 'ballot_recorded', 'ballot_confirmed', 'reissue_code', 'seed_demo'] as const;

/** Labels for entities and actions; anything not yet named shows as recorded. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: 'entities' | 'actions', key: string) => {
    const path = `audit.${group}.${key}`;
    return i18n.exists(path) ? t(path as never) : key;
  };
  return { entity: (key: string) => label('entities', key), action: (key: string) => label('actions', key) };
}
