/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const INSTITUTION_PERMISSIONS = {
  /** Register facilities and change their seats, ages, services and licence (district and national officers). */
  manageFacilities: 'institutions.facilities.manage',
  /** See the children placed in facilities (with @org: the facilities one's organisation runs). */
  readResidents: 'institutions.residents.read',
  /** Admit, transfer and discharge children (with @org: in the facilities one's organisation runs). */
  place: 'institutions.placements.manage',
  /** Be alerted of lifecycle deadlines (a child nearing 7 in a baby home, nearing 18) in one's facilities or area. */
  alerts: 'institutions.alerts.receive',
  /** Enrol and remove an orphanage's children for the capitation grant (with @org: one's own orphanage). */
  enrol: 'grants.enrolments.manage',
  /** Read capitation claims and their lines (with @org: one's own orphanage's). */
  readClaims: 'grants.claims.read',
  /** Generate a month's claims, record spot checks, approve or return a claim (the district office). */
  verifyClaims: 'grants.claims.verify',
  /** Record a claim's disbursement with its payment reference. */
  disburse: 'grants.claims.disburse',
  /** Set the capitation rate from a month on (national). */
  setRate: 'grants.rates.manage',
} as const;
