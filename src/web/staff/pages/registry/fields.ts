import type { FieldSpec } from '../../components/FormFields.tsx';
import { useWords } from './words.ts';

/** Two decimals at most, as the registered area on the property certificate. */
export const AREA_PATTERN = /^\d{1,7}(\.\d{1,2})?$/;

/** Form fields of the registry records, with the limits the API enforces. */
export function useRegistryFields() {
  const w = useWords();
  const committee: FieldSpec = {
    name: 'committeeId',
    label: w.committee,
    kind: 'select',
    required: true,
  };
  const estate: FieldSpec[] = [
    { name: 'name', label: w.estateName, required: true, max: 60 },
    { name: 'address', label: w.address, max: 200 },
  ];
  const building: FieldSpec[] = [
    {
      name: 'name',
      label: w.buildingName,
      required: true,
      max: 30,
      placeholder: w.buildingNameExample,
    },
    { name: 'floors', label: w.floors, kind: 'number', required: true, min: 2, max: 12 },
    { name: 'address', label: w.address, max: 200 },
  ];
  const stairwell: FieldSpec[] = [
    {
      name: 'name',
      label: w.stairwellName,
      required: true,
      max: 30,
      placeholder: w.stairwellNameExample,
    },
  ];
  const unit = (floors: number): FieldSpec[] => [
    { name: 'floor', label: w.floor, kind: 'number', required: true, min: 1, max: floors },
    { name: 'room', label: w.room, required: true, max: 10, placeholder: '502' },
    {
      name: 'areaM2',
      label: w.areaM2,
      required: true,
      max: 10,
      pattern: { regex: AREA_PATTERN, message: w.areaRule },
      placeholder: '65.40',
    },
  ];
  const owner: FieldSpec[] = [
    { name: 'name', label: w.ownerName, required: true, max: 50 },
    {
      name: 'idNumber',
      label: w.idNumber,
      max: 18,
      pattern: { regex: /^\d{17}[\dXx]$/, message: w.idNumberRule },
    },
    {
      name: 'phone',
      label: w.phone,
      max: 20,
      pattern: { regex: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: w.phoneRule },
    },
  ];
  return { committee, estate, building, stairwell, unit, owner };
}
