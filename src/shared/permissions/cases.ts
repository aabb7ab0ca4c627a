/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const CASE_PERMISSIONS = {
  read: 'cases.read',
  create: 'cases.create',
  assign: 'cases.assign',
  /** Record SOP steps on cases one is assigned to. */
  work: 'cases.work',
  /** Approve or return case plans and closures (supervisors; never one's own submission). */
  approve: 'cases.approve',
  import: 'cases.import',
  /** Record the Upazila Child Welfare Board's decision on a best-interest determination (its secretary). */
  bidDecision: 'cases.bid_decision',
  /** Export the case list (CSV/XLSX) with a stated purpose; audited. */
  export: 'cases.export',
  /** Emergency read of a case outside one's normal visibility, with a stated reason (audited, supervisor notified). */
  breakGlass: 'cases.break_glass',
  /** Read the cases one's own organisation registered (a helpline supervisor: what the agents sent on), wherever they went. */
  readRegistered: 'cases.read_registered',
  /**
   * Find the cases a child may already have, to join a helpline contact to one: case number,
   * the child's name, sex, age, place and status (a sensitive case's name as initials), never
   * the case's content. Every search is audited.
   */
  match: 'cases.match',
} as const;
