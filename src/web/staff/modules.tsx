import {
  ApartmentOutlined,
  AuditOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../core/roles.ts';
import { lazyPage, type LazyPage } from './lazyPage.ts';
import type { MenuKey } from './words.ts';

/**
 * The staff app is a list of modules: each brings its menu entries and its pages (each page a
 * lazy chunk). A later module adds one entry here.
 */
export interface MenuEntry {
  path: string;
  label: MenuKey;
  /** shown only to these roles (the API checks again) */
  roles?: readonly Role[];
}

export interface PageRoute {
  path: string;
  page: LazyPage;
  roles?: readonly Role[];
  /** printable pages: no menu or header around them */
  bare?: boolean;
}

export interface StaffModule {
  key: string;
  label: MenuKey;
  icon: ReactNode;
  roles?: readonly Role[];
  menu: MenuEntry[];
  routes: PageRoute[];
}

export const MODULES: StaffModule[] = [
  {
    // what needs attention now: the first entry for every role
    key: 'work',
    label: 'work',
    icon: <ScheduleOutlined />,
    menu: [
      { path: '/worklist', label: 'worklist' },
      { path: '/approvals/bottlenecks', label: 'bottlenecks' },
      { path: '/settings/templates', label: 'templates', roles: ['street_admin'] },
      // every role reads which years are confirmed; the street admin enters them
      { path: '/settings/holidays', label: 'holidays' },
    ],
    routes: [
      { path: '/worklist', page: lazyPage(() => import('./pages/worklist/WorkListPage.tsx')) },
      {
        path: '/approvals/bottlenecks',
        page: lazyPage(() => import('./pages/projects/BottlenecksPage.tsx')),
      },
      {
        path: '/settings/templates',
        page: lazyPage(() => import('./pages/projects/TemplatesPage.tsx')),
        roles: ['street_admin'],
      },
      { path: '/settings/holidays', page: lazyPage(() => import('./pages/holidays/HolidaysPage.tsx')) },
      {
        path: '/settings/holidays/:year',
        page: lazyPage(() => import('./pages/holidays/HolidayYearPage.tsx')),
      },
    ],
  },
  {
    key: 'registry',
    label: 'registry',
    icon: <ApartmentOutlined />,
    menu: [
      { path: '/registry', label: 'estates' },
      { path: '/registry/owners', label: 'owners' },
      { path: '/registry/excel', label: 'excel' },
    ],
    routes: [
      { path: '/registry', page: lazyPage(() => import('./pages/registry/CommitteesPage.tsx')) },
      { path: '/registry/estates', page: lazyPage(() => import('./pages/registry/EstatesPage.tsx')) },
      { path: '/registry/estates/:id', page: lazyPage(() => import('./pages/registry/EstatePage.tsx')) },
      { path: '/registry/buildings/:id', page: lazyPage(() => import('./pages/registry/BuildingPage.tsx')) },
      {
        path: '/registry/stairwells/:id',
        page: lazyPage(() => import('./pages/registry/StairwellPage.tsx')),
      },
      { path: '/registry/owners', page: lazyPage(() => import('./pages/registry/OwnersPage.tsx')) },
      // everyone may export (masked); the import part shows for the roles that write
      { path: '/registry/excel', page: lazyPage(() => import('./pages/registry/ExcelPage.tsx')) },
    ],
  },
  {
    key: 'projects',
    label: 'projects',
    icon: <ToolOutlined />,
    menu: [
      { path: '/projects', label: 'projectList' },
      { path: '/faults', label: 'faults' },
    ],
    routes: [
      { path: '/projects', page: lazyPage(() => import('./pages/projects/ProjectsPage.tsx')) },
      { path: '/projects/:id', page: lazyPage(() => import('./pages/projects/ProjectPage.tsx')) },
      // consultations and votes (意愿征询)
      {
        path: '/projects/:id/consultations',
        page: lazyPage(() => import('./pages/consent/ConsultationsPage.tsx')),
      },
      { path: '/consultations/:id', page: lazyPage(() => import('./pages/consent/ConsultationPage.tsx')) },
      {
        path: '/consultations/:id/letters/print',
        page: lazyPage(() => import('./pages/consent/LettersPrintPage.tsx')),
        bare: true,
      },
      {
        path: '/consultations/:id/certificate/print',
        page: lazyPage(() => import('./pages/consent/CertificatePrintPage.tsx')),
        bare: true,
      },
      {
        path: '/registry/stairwells/:id/what-if',
        page: lazyPage(() => import('./pages/consent/WhatIfPage.tsx')),
      },
      // lift faults and entrapments (电梯报修)
      { path: '/faults', page: lazyPage(() => import('./pages/faults/FaultsPage.tsx')) },
      { path: '/faults/:id', page: lazyPage(() => import('./pages/faults/FaultPage.tsx')) },
      // cost sharing, payments, subsidy claim and running costs (资金分摊)
      { path: '/projects/:id/money', page: lazyPage(() => import('./pages/money/MoneyPage.tsx')) },
    ],
  },
  {
    // lifts in service (运维保养关): upkeep, inspections, the car notice
    key: 'lifts',
    label: 'lifts',
    icon: <SafetyCertificateOutlined />,
    menu: [{ path: '/lifts', label: 'liftList' }],
    routes: [
      { path: '/lifts', page: lazyPage(() => import('./pages/lifts/LiftsPage.tsx')) },
      { path: '/lifts/:id', page: lazyPage(() => import('./pages/lifts/LiftPage.tsx')) },
      {
        path: '/lifts/:id/car-notice',
        page: lazyPage(() => import('./pages/lifts/CarNoticePrintPage.tsx')),
        bare: true,
      },
    ],
  },
  {
    // public notices (公示) with their objections, and mediation (矛盾调解)
    key: 'mediation',
    label: 'mediation',
    icon: <TeamOutlined />,
    menu: [{ path: '/mediation', label: 'mediationCases' }],
    routes: [
      { path: '/projects/:id/notices', page: lazyPage(() => import('./pages/notices/NoticesPage.tsx')) },
      {
        path: '/projects/:id/notices/:noticeId/print',
        page: lazyPage(() => import('./pages/notices/NoticePrintPage.tsx')),
        bare: true,
      },
      { path: '/mediation', page: lazyPage(() => import('./pages/mediation/MediationListPage.tsx')) },
      { path: '/mediation/:id', page: lazyPage(() => import('./pages/mediation/MediationCasePage.tsx')) },
    ],
  },
  {
    // accounts (issue 9 item 3): the street admin's 账号管理, everyone's 我的账号
    key: 'accounts',
    label: 'accounts',
    icon: <IdcardOutlined />,
    menu: [
      { path: '/settings/accounts', label: 'userAccounts', roles: ['street_admin'] },
      { path: '/account', label: 'myAccount' },
    ],
    routes: [
      {
        path: '/settings/accounts',
        page: lazyPage(() => import('./pages/accounts/AccountsPage.tsx')),
        roles: ['street_admin'],
      },
      { path: '/account', page: lazyPage(() => import('./pages/accounts/MyAccountPage.tsx')) },
    ],
  },
  {
    key: 'audit',
    label: 'audit',
    icon: <AuditOutlined />,
    roles: ['street_admin'],
    menu: [{ path: '/audit', label: 'auditLog' }],
    routes: [
      {
        path: '/audit',
        page: lazyPage(() => import('./pages/audit/AuditPage.tsx')),
        roles: ['street_admin'],
      },
    ],
  },
];

/** One's own password and sessions: every role, and the only page while a new password is due. */
export const MY_ACCOUNT = '/account';

export const allows = (roles: readonly Role[] | undefined, role: Role) => !roles || roles.includes(role);
