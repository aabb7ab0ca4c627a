import platformEn from './platform/en.json';
import platformBn from './platform/bn.json';
import geoEn from './geo/en.json';
import geoBn from './geo/bn.json';
import adminEn from './admin/en.json';
import adminBn from './admin/bn.json';
import homeEn from './home/en.json';
import homeBn from './home/bn.json';
import accountEn from './account/en.json';
import accountBn from './account/bn.json';
import casesEn from './cases/en.json';
import casesBn from './cases/bn.json';
import referralsEn from './referrals/en.json';
import referralsBn from './referrals/bn.json';
import helplineEn from './helpline/en.json';
import helplineBn from './helpline/bn.json';
import peopleEn from './people/en.json';
import peopleBn from './people/bn.json';
import institutionsEn from './institutions/en.json';
import institutionsBn from './institutions/bn.json';

export type Tree = { [key: string]: string | Tree };

/**
 * Each module's messages, in its own folder (`<namespace>/en.json`, `bn.json`). Message ids
 * keep their full path (`web.cases.title`), so a module's file reads like the merged
 * catalogue; a new module adds its pair here (docs/MODULES.md).
 */
export const NAMESPACES: Record<string, { en: Tree; bn: Tree }> = {
  platform: { en: platformEn, bn: platformBn },
  geo: { en: geoEn, bn: geoBn },
  admin: { en: adminEn, bn: adminBn },
  home: { en: homeEn, bn: homeBn },
  account: { en: accountEn, bn: accountBn },
  cases: { en: casesEn, bn: casesBn },
  referrals: { en: referralsEn, bn: referralsBn },
  helpline: { en: helplineEn, bn: helplineBn },
  people: { en: peopleEn, bn: peopleBn },
  institutions: { en: institutionsEn, bn: institutionsBn },
};

/** Merges namespaces into one tree; a message id defined twice is an error, not a silent overwrite. */
export function mergeTrees(trees: Record<string, Tree>): Tree {
  const out: Tree = {};
  const owner = new Map<string, string>();
  const visit = (into: Tree, from: Tree, path: string, ns: string) => {
    for (const [k, v] of Object.entries(from)) {
      const id = path ? `${path}.${k}` : k;
      if (typeof v === 'string') {
        if (owner.has(id)) throw new Error(`Message ${id} is defined by both ${owner.get(id)} and ${ns}`);
        if (typeof into[k] === 'object') throw new Error(`Message ${id} (${ns}) is also a group of messages`);
        owner.set(id, ns);
        into[k] = v;
      } else {
        const existing = into[k];
        if (typeof existing === 'string') throw new Error(`Message ${id} (${owner.get(id)}) is also a group of messages in ${ns}`);
        visit((into[k] = existing ?? {}) as Tree, v, id, ns);
      }
    }
  };
  for (const [ns, tree] of Object.entries(trees)) visit(out, tree, '', ns);
  return out;
}
