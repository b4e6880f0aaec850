module.exports = require('../../jest.preset.cjs')({
  name: 'triage',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
