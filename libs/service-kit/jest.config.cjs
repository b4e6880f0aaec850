module.exports = require('../../jest.preset.cjs')({ name: 'service-kit', dir: __dirname });
