module.exports = require('../../jest.preset.cjs')({
  name: 'testing',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
