module.exports = require('../../jest.preset.cjs')({
  name: 'reporting',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
