/** The permissions this module checks (the catalogue the roles, the API and the web app share). */
export const HELPLINE_PERMISSIONS = {
  /** Take contacts: record, save and complete one's own (helpline agents and supervisors). */
  take: 'helpline.contacts.take',
  /** Read contacts (with @assigned: the ones one took oneself). */
  read: 'helpline.contacts.read',
  /** See the earlier contacts from the same number as the one on the form (when, what, which case): the repeat-caller banner. */
  callerHistory: 'helpline.callers.history',
  /** Reveal a caller's full number (audited each time); everyone else sees it masked. */
  revealNumber: 'helpline.numbers.reveal',
  /** Supervise the helpline: hear of dispatches nobody acknowledged in time. */
  supervise: 'helpline.supervise',
  /** Read the helpline's aggregate patterns (counts, seasons, spikes, forecasts) inside one's scope. */
  analytics: 'helpline.analytics.read',
  /** See aggregate cells under the suppression threshold (everyone else sees them hidden). */
  smallCells: 'helpline.analytics.cells',
  /** Be alerted when the detector flags a spike in one's district (or division). */
  spikeAlerts: 'helpline.analytics.alerts',
  /** Import historical contacts from a file (national scope; `ncpp import helpline-contacts`). */
  import: 'helpline.contacts.import',
  /** Report call events (offered, answered, ended): the contact-centre system's API account. */
  telephony: 'helpline.telephony.events',
} as const;
