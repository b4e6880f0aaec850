export { configuration, PERIOD_ID, PROGRAMME_ID } from './periods/period.fixture';
