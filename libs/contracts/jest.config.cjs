module.exports = require('../../jest.preset.cjs')({ name: 'contracts', dir: __dirname });
