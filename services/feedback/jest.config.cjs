module.exports = require('../../jest.preset.cjs')({
  name: 'feedback',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
