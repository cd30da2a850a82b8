import { CALENDAR_FEED_SCOPES, NOTE_VISIBILITIES } from '@moisson/contract';
import { CALENDAR_FEED_SCOPE_CHECK } from '../calendar-feeds/entities/calendar-feed.entity';
import { NOTE_VISIBILITY_CHECK } from './entities/note.entity';

/** The values a check constraint accepts, in its order: "x IN ('a', 'b')" -> ['a', 'b']. */
function listed(check: string): string[] {
  return [...check.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('check constraints of the firm console tables', () => {
  it('accept exactly the note visibilities and calendar feed scopes of the contract', () => {
    expect(listed(NOTE_VISIBILITY_CHECK)).toEqual([...NOTE_VISIBILITIES]);
    expect(listed(CALENDAR_FEED_SCOPE_CHECK)).toEqual([
      ...CALENDAR_FEED_SCOPES,
    ]);
  });
});
