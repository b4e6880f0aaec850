module.exports = require('../../jest.preset.cjs')({
  name: 'projections',
  dir: __dirname,
  needs: ['postgres'],
});
