/** The permissions the people module checks (the catalogue the roles, the API and the web app share). */
export const PEOPLE_PERMISSIONS = {
  /** Read the records of imported lists within one's area, and the person view (case records follow case access). */
  read: 'people.read',
  /** Judge the pairs record linkage could not decide, merge and split persons, undo a merge or split. */
  review: 'people.link.review',
  /** Import a list of people from another system. */
  import: 'people.import',
  /** Start a full linkage run, export the links. */
  run: 'people.link.run',
} as const;
