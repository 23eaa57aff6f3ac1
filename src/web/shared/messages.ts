import type { Messages } from './i18n.ts';

/** Words of the shared components (the elevation diagram), merged into each app's messages. */
export const sharedZh = {
  diagram: {
    floor: '楼层',
    floorN: '{{n}}层',
    roomColumn: '…{{suffix}}室',
    position: '第{{n}}户',
    area: '{{area}} m²',
    noUnit: '无房屋',
    legend: '图例',
    scrollRegion: '立面图（可左右滚动）',
  },
};

export const sharedEn: Messages<typeof sharedZh> = {
  diagram: {
    floor: 'Floor',
    floorN: 'F{{n}}',
    roomColumn: 'Room …{{suffix}}',
    position: 'Unit {{n}}',
    area: '{{area}} m²',
    noUnit: 'No unit',
    legend: 'Legend',
    scrollRegion: 'Elevation diagram (scrolls sideways)',
  },
};
