module.exports = require('../../jest.preset.cjs')({ name: 'auth', dir: __dirname, needs: ['postgres'] });
