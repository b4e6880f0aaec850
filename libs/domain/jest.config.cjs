module.exports = require('../../jest.preset.cjs')({ name: 'domain', dir: __dirname });
