import type { Crumb } from '../../components/PageHeader.tsx';
import { useStaffWords } from '../../words.ts';

export interface RegistryPath {
  committeeId?: string;
  committeeName?: string;
  estateId?: string;
  estateName?: string;
  buildingId?: string;
  buildingName?: string;
}

/** The way up from a registry record: registry › committee › estate › building › (this page). */
export function useRegistryCrumbs() {
  const { menu } = useStaffWords();
  return (path: RegistryPath, current: string): Crumb[] => {
    const crumbs: Crumb[] = [{ label: menu.registry, to: '/registry' }];
    if (path.committeeId)
      crumbs.push({ label: path.committeeName, to: `/registry/estates?committeeId=${path.committeeId}` });
    if (path.estateId) crumbs.push({ label: path.estateName, to: `/registry/estates/${path.estateId}` });
    if (path.buildingId)
      crumbs.push({ label: path.buildingName, to: `/registry/buildings/${path.buildingId}` });
    crumbs.push({ label: current });
    return crumbs;
  };
}
