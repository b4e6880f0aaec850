module.exports = require('../../jest.preset.cjs')({
  name: 'runtime',
  dir: __dirname,
  needs: ['postgres', 'kafka'],
});
