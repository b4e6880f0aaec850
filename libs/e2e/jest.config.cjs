module.exports = require('../../jest.preset.cjs')({
  name: 'e2e',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
