import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../components/FormFields.tsx';

/** Two decimals at most, as the registered area on the property certificate. */
export const AREA_PATTERN = /^\d{1,7}(\.\d{1,2})?$/;

/** Form fields of the registry records, with the limits the API enforces. */
export function useRegistryFields() {
  const { t } = useTranslation();
  const committee: FieldSpec = {
    name: 'committeeId',
    label: t('registry.committee'),
    kind: 'select',
    required: true,
  };
  const estate: FieldSpec[] = [
    { name: 'name', label: t('registry.estateName'), required: true, max: 60 },
    { name: 'address', label: t('registry.address'), max: 200 },
  ];
  const building: FieldSpec[] = [
    {
      name: 'name',
      label: t('registry.buildingName'),
      required: true,
      max: 30,
      placeholder: t('registry.buildingNameExample'),
    },
    { name: 'floors', label: t('registry.floors'), kind: 'number', required: true, min: 2, max: 12 },
    { name: 'address', label: t('registry.address'), max: 200 },
  ];
  const stairwell: FieldSpec[] = [
    {
      name: 'name',
      label: t('registry.stairwellName'),
      required: true,
      max: 30,
      placeholder: t('registry.stairwellNameExample'),
    },
  ];
  const unit = (floors: number): FieldSpec[] => [
    { name: 'floor', label: t('registry.floor'), kind: 'number', required: true, min: 1, max: floors },
    { name: 'room', label: t('registry.room'), required: true, max: 10, placeholder: '502' },
    {
      name: 'areaM2',
      label: t('registry.areaM2'),
      required: true,
      max: 10,
      pattern: { regex: AREA_PATTERN, message: t('registry.areaRule') },
      placeholder: '65.40',
    },
  ];
  const owner: FieldSpec[] = [
    { name: 'name', label: t('registry.ownerName'), required: true, max: 50 },
    {
      name: 'idNumber',
      label: t('registry.idNumber'),
      max: 18,
      pattern: { regex: /^\d{17}[\dXx]$/, message: t('registry.idNumberRule') },
    },
    {
      name: 'phone',
      label: t('registry.phone'),
      max: 20,
      pattern: { regex: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('registry.phoneRule') },
    },
  ];
  return { committee, estate, building, stairwell, unit, owner };
}
