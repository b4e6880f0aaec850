export { describeMessageBusContract, type BusFixture } from './contract/bus-contract';
