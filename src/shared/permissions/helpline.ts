/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const HELPLINE_PERMISSIONS = {
  /** Take contacts: record, save and complete one's own (helpline agents and supervisors). */
  take: 'helpline.contacts.take',
  /** Read contacts (with @assigned: the ones one took oneself). */
  read: 'helpline.contacts.read',
} as const;
