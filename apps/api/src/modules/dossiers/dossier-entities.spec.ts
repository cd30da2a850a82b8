import { CONTRACT_TYPES, DOSSIER_EVENT_KINDS } from '@moisson/contract';
import { DOSSIER_STATES } from '@moisson/domain';
import { DOSSIER_EVENT_KIND_CHECK } from './entities/dossier-event.entity';
import {
  DOSSIER_CONTRACT_TYPE_CHECK,
  DOSSIER_STATE_CHECK,
} from './entities/dossier.entity';

/** The values a check constraint accepts, in its order: "x IN ('a', 'b')" -> ['a', 'b']. */
function listed(check: string): string[] {
  return [...check.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('check constraints of the dossier tables', () => {
  it('accept exactly the dossier states of @moisson/domain', () => {
    expect(listed(DOSSIER_STATE_CHECK)).toEqual([...DOSSIER_STATES]);
  });

  it('accept exactly the contract types and event kinds of the contract', () => {
    expect(listed(DOSSIER_CONTRACT_TYPE_CHECK)).toEqual([...CONTRACT_TYPES]);
    expect(listed(DOSSIER_EVENT_KIND_CHECK)).toEqual([...DOSSIER_EVENT_KINDS]);
  });
});
