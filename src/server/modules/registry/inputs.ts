/** The registry's request schemas live in contract.ts; kept until the money and consent calculators import the area from there. */
export { areaM2 } from './contract.ts';
