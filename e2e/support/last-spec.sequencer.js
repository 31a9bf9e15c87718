// The e2e project's test order: Jest's own, except that the log scan for secrets runs last, after
// every other spec's traffic (the suite runs in band, one file after another).
const Sequencer = require('@jest/test-sequencer').default;

const LAST = /secrets-never-logged\.e2e-spec\.ts$/;

class LastSpecSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => !LAST.test(t.path)), ...sorted.filter((t) => LAST.test(t.path))];
  }
}

module.exports = LastSpecSequencer;
