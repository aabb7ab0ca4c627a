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
} as const;
