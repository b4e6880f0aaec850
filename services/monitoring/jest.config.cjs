module.exports = require('../../jest.preset.cjs')({
  name: 'monitoring',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
