/**
 * The "3-4-5-6-7-8-9" method of Jiangwan (江湾加装电梯工作法). The newspaper names only the seven
 * groups (思想动员"三准备"、党建引领"四环节"、社区征询"过五关"、权衡利弊"六维度"、居委会配合
 * "七必须"、业委会操作"八要求"、细节处理"九注意"); the items below are OUR DEFAULTS, written from
 * domain.md, for a street admin to edit. Each item names the stage where it applies.
 */
import type { Stage } from './stages.ts';

export interface MethodItem {
  key: string;
  text: { zh: string; en: string };
  stage: Stage;
}

export interface MethodGroup {
  key: string;
  name: { zh: string; en: string };
  items: MethodItem[];
}

const item = (key: string, stage: Stage, zh: string, en: string): MethodItem => ({
  key,
  stage,
  text: { zh, en },
});

export const DEFAULT_METHOD: MethodGroup[] = [
  {
    key: 'prepare3',
    name: { zh: '思想动员“三准备”', en: 'Mobilisation: three preparations' },
    items: [
      item(
        'prepare3-1',
        'mobilisation',
        '摸清本门洞住户构成、老人和行动不便人员情况',
        'Know who lives in the stairwell, the elderly and those with limited mobility',
      ),
      item(
        'prepare3-2',
        'mobilisation',
        '落实楼组长和党员骨干作为带头人',
        'Name the stairwell leader and party members who will lead',
      ),
      item(
        'prepare3-3',
        'mobilisation',
        '准备政策、补贴和费用测算的宣传材料',
        'Prepare leaflets on policy, subsidy and an estimate of cost',
      ),
    ],
  },
  {
    key: 'party4',
    name: { zh: '党建引领“四环节”', en: 'Party-led: four links' },
    items: [
      item(
        'party4-1',
        'mobilisation',
        '居民区党总支研究部署，明确责任人',
        'The residential party branch plans the work and names who is responsible',
      ),
      item(
        'party4-2',
        'mobilisation',
        '党员带头表态，发挥示范作用',
        'Party members declare their support first',
      ),
      item(
        'party4-3',
        'consultation',
        '区域化党建共建单位提供资源支持',
        'Partner units of regional party building offer support',
      ),
      item(
        'party4-4',
        'construction',
        '党员志愿者参与施工期间的协调和服务',
        'Party volunteers help coordinate during the works',
      ),
    ],
  },
  {
    key: 'consult5',
    name: { zh: '社区征询“过五关”', en: 'Consultation: five gates' },
    items: [
      item(
        'consult5-1',
        'consultation',
        '意向征询：了解每户意愿和顾虑',
        'Willingness survey: each household’s wishes and worries',
      ),
      item(
        'consult5-2',
        'consultation',
        '方案沟通：设计方案征求意见',
        'Discuss the design with every household',
      ),
      item('consult5-3', 'consultation', '费用分摊方案协商一致', 'Agree the cost-sharing scheme'),
      item(
        'consult5-4',
        'consultation',
        '正式表决达到法定比例',
        'The formal vote reaches the legal thresholds',
      ),
      item('consult5-5', 'agreement', '征询结果公告', 'Post the consultation result notice'),
    ],
  },
  {
    key: 'weigh6',
    name: { zh: '权衡利弊“六维度”', en: 'Weighing: six dimensions' },
    items: [
      item('weigh6-1', 'consultation', '采光：低层住户日照影响评估', 'Daylight: effect on the low floors'),
      item('weigh6-2', 'consultation', '通风：对相邻住户通风的影响', 'Ventilation of neighbouring flats'),
      item('weigh6-3', 'consultation', '噪音：电梯运行和施工噪音', 'Noise of the lift and of the works'),
      item(
        'weigh6-4',
        'consultation',
        '通行与占地：消防通道、绿化和停车',
        'Access and land: fire lanes, greenery and parking',
      ),
      item(
        'weigh6-5',
        'consultation',
        '费用：建设费、补贴和日后运维费',
        'Cost: building cost, subsidy and running cost',
      ),
      item('weigh6-6', 'consultation', '房屋价值：不同楼层的影响', 'Property value by floor'),
    ],
  },
  {
    key: 'committee7',
    name: { zh: '居委会配合“七必须”', en: 'Residents’ committee: seven musts' },
    items: [
      item('committee7-1', 'mobilisation', '必须上门走访每一户', 'Visit every household'),
      item(
        'committee7-2',
        'consultation',
        '必须核实业主身份和产权面积',
        'Verify owners and registered areas',
      ),
      item(
        'committee7-3',
        'consultation',
        '必须组织至少一次全体业主协商会',
        'Hold at least one meeting of all owners',
      ),
      item('committee7-4', 'consultation', '必须记录并回应每条异议', 'Record and answer every objection'),
      item(
        'committee7-5',
        'publicity',
        '必须按规定张贴公示并留存照片',
        'Post notices as required and keep photos',
      ),
      item('committee7-6', 'construction', '必须协调施工期间的矛盾', 'Mediate disputes during the works'),
      item(
        'committee7-7',
        'in_service',
        '必须落实电梯使用管理单位',
        'Make sure a lift management unit is appointed',
      ),
    ],
  },
  {
    key: 'owners8',
    name: { zh: '业委会操作“八要求”', en: 'Owners’ committee: eight requirements' },
    items: [
      item('owners8-1', 'consultation', '表决程序公开透明', 'An open, transparent voting procedure'),
      item(
        'owners8-2',
        'consultation',
        '选票由业主本人签字或按规定委托',
        'Ballots signed by the owner or by a proper proxy',
      ),
      item('owners8-3', 'consultation', '表决结果由两人以上核对', 'Two or more people check the result'),
      item(
        'owners8-4',
        'agreement',
        '资金账户专款专用、收支公开',
        'A dedicated account, income and spending shown',
      ),
      item('owners8-5', 'agreement', '签订加装电梯协议书', 'Sign the lift agreement'),
      item(
        'owners8-6',
        'approvals',
        '选定有资质的设计、施工和电梯企业',
        'Choose qualified designers, builders and lift makers',
      ),
      item(
        'owners8-7',
        'construction',
        '施工期间组织业主代表监督',
        'Owner representatives supervise the works',
      ),
      item('owners8-8', 'in_service', '确定运维费用分摊和保险', 'Agree running-cost sharing and insurance'),
    ],
  },
  {
    key: 'details9',
    name: { zh: '细节处理“九注意”', en: 'Details: nine cautions' },
    items: [
      item(
        'details9-1',
        'consultation',
        '注意底层住户的合理诉求和补偿',
        'Mind the reasonable claims and compensation of the ground floor',
      ),
      item(
        'details9-2',
        'consultation',
        '注意出租户、空置户业主的联系',
        'Reach owners who let or leave their flats empty',
      ),
      item('details9-3', 'consultation', '注意共有产权户的共同签字', 'Co-owners sign together'),
      item(
        'details9-4',
        'publicity',
        '注意公示期限按自然日或工作日准确计算',
        'Count notice periods exactly, natural or working days',
      ),
      item(
        'details9-5',
        'design_review',
        '注意管线迁移的费用和时间',
        'Pipeline relocation: its cost and time',
      ),
      item(
        'details9-6',
        'approvals',
        '注意施工金额超过 100 万元须办理施工许可',
        'Works above 1,000,000 yuan need a construction permit',
      ),
      item(
        'details9-7',
        'construction',
        '注意施工时间避开居民休息时段',
        'Keep works out of residents’ rest hours',
      ),
      item(
        'details9-8',
        'acceptance',
        '注意投入使用后 30 日内办理使用登记',
        'File the use registration within 30 days of use',
      ),
      item(
        'details9-9',
        'in_service',
        '注意免费保修期结束前落实维保合同',
        'Arrange the maintenance contract before free maintenance ends',
      ),
    ],
  },
];
