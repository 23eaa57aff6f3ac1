/** Chinese and English names of the fields the API validates, so errors name them plainly. */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  displayName: { zh: '显示名称', en: 'display name' },
  role: { zh: '角色', en: 'role' },
  scopeId: { zh: '管辖范围', en: 'scope' },
  committeeId: { zh: '居委会', en: 'committee' },
  estateId: { zh: '小区', en: 'estate' },
  buildingId: { zh: '楼幢', en: 'building' },
  stairwellId: { zh: '单元', en: 'stairwell' },
  personId: { zh: '业主', en: 'owner' },
  adviserUserId: { zh: '顾问', en: 'adviser' },
  name: { zh: '名称', en: 'name' },
  address: { zh: '地址', en: 'address' },
  floors: { zh: '层数', en: 'number of floors' },
  floor: { zh: '楼层', en: 'floor' },
  room: { zh: '室号', en: 'room' },
  areaM2: { zh: '登记面积', en: 'registered area' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'phone' },
  stage: { zh: '阶段', en: 'stage' },
  note: { zh: '备注', en: 'note' },
  file: { zh: '文件', en: 'file' },
};

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true or false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
};

/** "名称（name）" / "name (name)": the label with the key the API uses, so both users and developers find it. */
export function fieldName(path: string): { zh: string; en: string } {
  const key = path.split('.').pop() ?? path;
  const label = FIELD_LABELS[key];
  return label ? { zh: `${label.zh}（${path}）`, en: `${label.en} (${path})` } : { zh: path, en: path };
}

export function typeName(t: string | undefined): { zh: string; en: string } {
  return TYPE_NAMES[t ?? ''] ?? { zh: t ?? '?', en: t ?? '?' };
}
