import { ReplayFilter } from './replay-filter';

/** Which of `ids` the filter lets through, in order. */
const through = (filter: ReplayFilter, ids: string[]) => ids.filter((id) => filter.accept(id));

describe('ReplayFilter', () => {
  it('lets everything through while one leader runs, idless events included', () => {
    const filter = new ReplayFilter();
    expect(through(filter, ['1', '1', '2', '', ''])).toEqual(['1', '1', '2', '', '']);
  });

  it('after a handover drops the replayed overlap, ids and idless alike, until a new id', () => {
    const filter = new ReplayFilter();
    through(filter, ['1', '2', '2', '3']);
    filter.handover();
    // The new leader replays from 2: the idless event after 2 (carrying "2") and 3 are seen.
    expect(through(filter, ['2', '3', '4', '4', '5'])).toEqual(['4', '4', '5']);
  });

  it('drops a late relay of the previous leader once the new one has moved past it', () => {
    const filter = new ReplayFilter();
    through(filter, ['1', '2', '3', '4']);
    expect(filter.accept('2', true)).toBeFalse();
    expect(filter.accept('5', true)).toBeTrue();
  });

  it('delivers an id that comes back outside a handover (a server reusing ids after a restart)', () => {
    const filter = new ReplayFilter();
    expect(through(filter, ['1', '2', '3', '1', '2', '4'])).toEqual(['1', '2', '3', '1', '2', '4']);
  });

  it('has nothing to drop on a first leader', () => {
    const filter = new ReplayFilter();
    filter.handover();
    expect(through(filter, ['7', '8'])).toEqual(['7', '8']);
  });
});
