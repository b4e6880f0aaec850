module.exports = require('../../jest.preset.cjs')({
  name: 'messaging',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
