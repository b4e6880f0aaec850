module.exports = require('../../jest.preset.cjs')({
  name: 'intake',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
