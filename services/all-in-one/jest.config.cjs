module.exports = require('../../jest.preset.cjs')({ name: 'all-in-one', dir: __dirname });
