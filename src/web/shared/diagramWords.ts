import { defineWords, type Words } from './words.ts';

/** Words of the elevation diagram, which the staff pages of several areas draw. */
const zh = {
  floor: '楼层',
  floorN: (n: number) => `${n}层`,
  roomColumn: (suffix: string) => `…${suffix}室`,
  position: (n: string) => `第${n}户`,
  area: (area: string) => `${area} m²`,
  noUnit: '无房屋',
  legend: '图例',
  scrollRegion: '立面图（可左右滚动）',
};

const en: Words<typeof zh> = {
  floor: 'Floor',
  floorN: (n) => `F${n}`,
  roomColumn: (suffix) => `Room …${suffix}`,
  position: (n) => `Unit ${n}`,
  area: (area) => `${area} m²`,
  noUnit: 'No unit',
  legend: 'Legend',
  scrollRegion: 'Elevation diagram (scrolls sideways)',
};

export const useDiagramWords = defineWords(zh, en);
