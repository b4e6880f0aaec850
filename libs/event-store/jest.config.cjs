module.exports = require('../../jest.preset.cjs')({
  name: 'event-store',
  dir: __dirname,
  needs: ['postgres'],
});
