module.exports = require('../../jest.preset.cjs')({ name: 'client', dir: __dirname });
