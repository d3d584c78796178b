// Makes and models a Finnish used-car dealer actually stocks, with the body, fuel,
// gearbox, drive and power each engine really comes with, and an approximate Finnish
// new price (car tax included) that the pricing model depreciates from.
import type { CarCategory, DriveType, FuelType, Transmission } from './enums';

export interface Variant {
  /** Engine/version text as dealers write it, e.g. "1.8 Hybrid" or "Long Range AWD". */
  readonly engine: string;
  readonly fuel: FuelType;
  readonly transmission: Transmission;
  readonly drive: DriveType;
  /** Displacement; null for battery-electric cars. */
  readonly cc: number | null;
  readonly kw: number;
  /** WLTP combined CO2; 0 for battery-electric cars. */
  readonly co2: number;
  /** l/100 km, kWh/100 km (electric) or kg/100 km (gas). */
  readonly consumption: number;
  readonly newPrice: number;
  readonly from: number;
  /** Last model year; open-ended when absent. */
  readonly to?: number;
  readonly batteryKwh?: number;
  readonly rangeKm?: number;
  /** Body overrides (an estate or coupé version of a sedan model). */
  readonly category?: CarCategory;
  readonly doors?: number;
  readonly seats?: number;
}

export interface Model {
  readonly brand: string;
  readonly model: string;
  readonly category: CarCategory;
  /** Relative share of the stock. */
  readonly weight: number;
  readonly trims: readonly string[];
  readonly variants: readonly Variant[];
  readonly premium?: boolean;
}

type Extra = Partial<Pick<Variant, 'to' | 'batteryKwh' | 'rangeKm' | 'category' | 'doors' | 'seats'>>;

/** Compact variant: engine, fuel, gearbox, drive, cc, kW, CO2, consumption, new price, first year. */
function v(
  engine: string,
  fuel: FuelType,
  transmission: Transmission,
  drive: DriveType,
  cc: number | null,
  kw: number,
  co2: number,
  consumption: number,
  newPrice: number,
  from: number,
  extra: Extra = {},
): Variant {
  return { engine, fuel, transmission, drive, cc, kw, co2, consumption, newPrice, from, ...extra };
}

const A = 'AUTOMATIC';
const M = 'MANUAL';
const estate: Extra = { category: 'ESTATE' };
const ev = (batteryKwh: number, rangeKm: number, extra: Extra = {}): Extra => ({ batteryKwh, rangeKm, ...extra });

export const MODELS: readonly Model[] = [
  {
    brand: 'Toyota', model: 'Corolla', category: 'HATCHBACK', weight: 9, trims: ['Active', 'Style', 'Premium', 'GR SPORT'],
    variants: [
      v('1.8 Hybrid', 'HYBRID', A, 'FWD', 1798, 90, 101, 4.5, 29900, 2019),
      v('2.0 Hybrid', 'HYBRID', A, 'FWD', 1987, 135, 110, 4.9, 36500, 2019),
      v('1.2 T', 'PETROL', M, 'FWD', 1197, 85, 134, 5.9, 25900, 2019, { to: 2020 }),
      v('Touring Sports 1.8 Hybrid', 'HYBRID', A, 'FWD', 1798, 90, 103, 4.6, 31500, 2019, estate),
      v('Touring Sports 2.0 Hybrid', 'HYBRID', A, 'FWD', 1987, 135, 112, 5.0, 37900, 2019, estate),
    ],
  },
  {
    brand: 'Toyota', model: 'RAV4', category: 'SUV', weight: 8, trims: ['Active', 'Style', 'Premium', 'Adventure'],
    variants: [
      v('2.5 Hybrid AWD-i', 'HYBRID', A, 'AWD', 2487, 163, 126, 5.6, 47900, 2019),
      v('2.5 Hybrid 2WD', 'HYBRID', A, 'FWD', 2487, 160, 121, 5.3, 43900, 2019),
      v('2.5 Plug-in Hybrid AWD-i', 'PLUGIN_HYBRID', A, 'AWD', 2487, 225, 22, 1.0, 59900, 2021, { batteryKwh: 18, rangeKm: 75 }),
    ],
  },
  {
    brand: 'Toyota', model: 'Yaris', category: 'HATCHBACK', weight: 6, trims: ['Active', 'Style', 'Premium'],
    variants: [
      v('1.5 Hybrid', 'HYBRID', A, 'FWD', 1490, 85, 92, 4.0, 24500, 2020),
      v('1.0 VVT-i', 'PETROL', M, 'FWD', 998, 53, 119, 5.2, 18900, 2020, { to: 2022 }),
    ],
  },
  {
    brand: 'Toyota', model: 'Hilux', category: 'PICKUP', weight: 1, trims: ['Active', 'Invincible'],
    variants: [
      v('Extra Cab 2.4 D-4D 4WD', 'DIESEL', M, 'AWD', 2393, 110, 231, 8.7, 52900, 2016, { doors: 2, seats: 4 }),
      v('Double Cab 2.8 D-4D 4WD', 'DIESEL', A, 'AWD', 2755, 150, 245, 9.3, 61900, 2020, { doors: 4, seats: 5 }),
    ],
  },
  {
    brand: 'Volkswagen', model: 'Golf', category: 'HATCHBACK', weight: 7, trims: ['Life', 'Style', 'R-Line'],
    variants: [
      v('1.0 TSI', 'PETROL', M, 'FWD', 999, 81, 119, 5.3, 27900, 2020),
      v('1.5 eTSI DSG', 'PETROL', A, 'FWD', 1498, 110, 125, 5.5, 33900, 2020),
      v('2.0 TDI DSG', 'DIESEL', A, 'FWD', 1968, 85, 112, 4.3, 34900, 2020),
      v('1.4 eHybrid DSG', 'PLUGIN_HYBRID', A, 'FWD', 1395, 150, 28, 1.2, 41900, 2020, { batteryKwh: 13, rangeKm: 70 }),
      v('Variant 2.0 TDI DSG', 'DIESEL', A, 'FWD', 1968, 110, 118, 4.5, 37900, 2021, estate),
      v('Variant 1.5 TGI DSG', 'GAS', A, 'FWD', 1498, 96, 98, 3.5, 33900, 2019, { to: 2022, category: 'ESTATE' }),
    ],
  },
  {
    brand: 'Volkswagen', model: 'Passat', category: 'ESTATE', weight: 5, trims: ['Comfortline', 'Highline', 'Elegance', 'R-Line'],
    variants: [
      v('Variant 2.0 TDI DSG', 'DIESEL', A, 'FWD', 1968, 110, 129, 4.9, 45900, 2015),
      v('Variant 2.0 TDI 4MOTION DSG', 'DIESEL', A, 'AWD', 1968, 147, 152, 5.8, 55900, 2015),
      v('Variant GTE 1.4 TSI DSG', 'PLUGIN_HYBRID', A, 'FWD', 1395, 160, 32, 1.4, 52900, 2016, { to: 2023, batteryKwh: 13, rangeKm: 55 }),
    ],
  },
  {
    brand: 'Volkswagen', model: 'ID.4', category: 'SUV', weight: 5, trims: ['Life', 'Business', 'Style', 'Max'],
    variants: [
      v('Pure 52 kWh', 'ELECTRIC', A, 'RWD', null, 109, 0, 16.2, 42900, 2021, ev(52, 360)),
      v('Pro Performance 77 kWh', 'ELECTRIC', A, 'RWD', null, 150, 0, 16.9, 48900, 2021, ev(77, 520)),
      v('GTX 77 kWh AWD', 'ELECTRIC', A, 'AWD', null, 220, 0, 18.2, 58900, 2021, ev(77, 480)),
    ],
  },
  {
    brand: 'Volkswagen', model: 'Touran', category: 'MPV', weight: 1, trims: ['Comfortline', 'Highline'],
    variants: [
      v('1.5 TSI DSG', 'PETROL', A, 'FWD', 1498, 110, 146, 6.4, 40900, 2016, { seats: 7 }),
      v('2.0 TDI DSG', 'DIESEL', A, 'FWD', 1968, 110, 133, 5.1, 43900, 2016, { seats: 7 }),
    ],
  },
  {
    brand: 'Volkswagen', model: 'Transporter', category: 'VAN', weight: 1, trims: ['Comfortline', 'Highline'],
    variants: [
      v('Pitkä 2.0 TDI', 'DIESEL', M, 'FWD', 1968, 110, 199, 7.6, 45900, 2016, { doors: 4, seats: 3 }),
      v('Pitkä 2.0 TDI 4MOTION DSG', 'DIESEL', A, 'AWD', 1968, 146, 219, 8.3, 58900, 2016, { doors: 4, seats: 3 }),
    ],
  },
  {
    brand: 'Skoda', model: 'Octavia', category: 'ESTATE', weight: 9, trims: ['Ambition', 'Style', 'L&K', 'Sportline'],
    variants: [
      v('Combi 1.6 TDI', 'DIESEL', M, 'FWD', 1598, 85, 108, 4.2, 29900, 2014, { to: 2019 }),
      v('Combi 2.0 TDI DSG', 'DIESEL', A, 'FWD', 1968, 110, 122, 4.7, 39900, 2020),
      v('Combi 2.0 TDI 4x4 DSG', 'DIESEL', A, 'AWD', 1968, 147, 143, 5.5, 46900, 2020),
      v('Combi 1.5 TSI', 'PETROL', M, 'FWD', 1498, 110, 131, 5.8, 33900, 2020),
      v('Combi 1.4 TSI iV DSG', 'PLUGIN_HYBRID', A, 'FWD', 1395, 150, 30, 1.3, 41900, 2020, { to: 2023, batteryKwh: 13, rangeKm: 60 }),
      v('Combi 1.5 TSI G-TEC DSG', 'GAS', A, 'FWD', 1498, 96, 101, 3.5, 33900, 2020, { to: 2022 }),
      v('1.5 TSI', 'PETROL', M, 'FWD', 1498, 110, 128, 5.7, 32900, 2020, { category: 'HATCHBACK' }),
    ],
  },
  {
    brand: 'Skoda', model: 'Enyaq', category: 'SUV', weight: 3, trims: ['Loft', 'Lodge', 'Sportline'],
    variants: [
      v('iV 80', 'ELECTRIC', A, 'RWD', null, 150, 0, 16.8, 52900, 2021, ev(77, 530)),
      v('iV 80x', 'ELECTRIC', A, 'AWD', null, 195, 0, 18.0, 57900, 2021, ev(77, 490)),
    ],
  },
  {
    brand: 'Volvo', model: 'XC60', category: 'SUV', weight: 5, premium: true, trims: ['Momentum', 'Inscription', 'R-Design', 'Plus', 'Ultimate'],
    variants: [
      v('D4 AWD', 'DIESEL', A, 'AWD', 1969, 140, 150, 5.7, 54900, 2017, { to: 2020 }),
      v('B4 AWD', 'DIESEL', A, 'AWD', 1969, 145, 165, 6.3, 59900, 2020),
      v('T6 AWD Recharge', 'PLUGIN_HYBRID', A, 'AWD', 1969, 257, 41, 1.8, 72900, 2020, { batteryKwh: 18.8, rangeKm: 75 }),
    ],
  },
  {
    brand: 'Volvo', model: 'V60', category: 'ESTATE', weight: 4, premium: true, trims: ['Momentum', 'Inscription', 'R-Design', 'Plus'],
    variants: [
      v('D3', 'DIESEL', A, 'FWD', 1969, 110, 121, 4.6, 47900, 2018, { to: 2020 }),
      v('B4', 'PETROL', A, 'FWD', 1969, 145, 152, 6.7, 51900, 2020),
      v('T6 AWD Recharge', 'PLUGIN_HYBRID', A, 'AWD', 1969, 250, 36, 1.6, 64900, 2020, { batteryKwh: 18.8, rangeKm: 80 }),
    ],
  },
  {
    brand: 'Volvo', model: 'XC40', category: 'SUV', weight: 3, premium: true, trims: ['Momentum', 'Inscription', 'Plus', 'Ultimate'],
    variants: [
      v('B4', 'PETROL', A, 'FWD', 1969, 145, 162, 7.1, 44900, 2020),
      v('T5 Recharge', 'PLUGIN_HYBRID', A, 'FWD', 1477, 192, 43, 1.9, 51900, 2020, { batteryKwh: 10.7, rangeKm: 45 }),
      v('Recharge Twin', 'ELECTRIC', A, 'AWD', null, 300, 0, 22.0, 62900, 2021, ev(75, 418)),
    ],
  },
  {
    brand: 'BMW', model: '3-sarja', category: 'SEDAN', weight: 4, premium: true, trims: ['Sport Line', 'Luxury Line', 'M Sport'],
    variants: [
      v('320i', 'PETROL', A, 'RWD', 1998, 135, 144, 6.3, 52900, 2019),
      v('320d xDrive', 'DIESEL', A, 'AWD', 1995, 140, 128, 4.9, 56900, 2019),
      v('330e', 'PLUGIN_HYBRID', A, 'RWD', 1998, 215, 39, 1.7, 59900, 2019, { batteryKwh: 12, rangeKm: 59 }),
      v('320d xDrive Touring', 'DIESEL', A, 'AWD', 1995, 140, 134, 5.1, 58900, 2019, estate),
    ],
  },
  {
    brand: 'BMW', model: '4-sarja', category: 'COUPE', weight: 1, premium: true, trims: ['M Sport'],
    variants: [
      v('420i Coupé', 'PETROL', A, 'RWD', 1998, 135, 152, 6.7, 56900, 2020, { doors: 2, seats: 4 }),
      v('M440i xDrive Coupé', 'PETROL', A, 'AWD', 2998, 275, 181, 8.0, 89900, 2020, { doors: 2, seats: 4 }),
    ],
  },
  {
    brand: 'Mercedes-Benz', model: 'C', category: 'SEDAN', weight: 4, premium: true, trims: ['Avantgarde', 'AMG Line', 'Exclusive'],
    variants: [
      v('200', 'PETROL', A, 'RWD', 1496, 150, 148, 6.5, 52900, 2021),
      v('220 d', 'DIESEL', A, 'RWD', 1993, 147, 128, 4.9, 55900, 2018),
      v('300 e', 'PLUGIN_HYBRID', A, 'RWD', 1999, 230, 37, 1.6, 62900, 2019, { batteryKwh: 13.5, rangeKm: 55 }),
      v('220 d T', 'DIESEL', A, 'RWD', 1993, 147, 133, 5.1, 57900, 2018, estate),
      v('300 Coupé', 'PETROL', A, 'RWD', 1991, 190, 168, 7.4, 64900, 2019, { to: 2023, category: 'COUPE', doors: 2, seats: 4 }),
    ],
  },
  {
    brand: 'Mercedes-Benz', model: 'GLC', category: 'SUV', weight: 2, premium: true, trims: ['Avantgarde', 'AMG Line'],
    variants: [
      v('220 d 4MATIC', 'DIESEL', A, 'AWD', 1993, 145, 158, 6.0, 62900, 2019),
      v('300 e 4MATIC', 'PLUGIN_HYBRID', A, 'AWD', 1991, 230, 45, 2.0, 69900, 2020, { batteryKwh: 13.5, rangeKm: 45 }),
    ],
  },
  {
    brand: 'Audi', model: 'A4', category: 'SEDAN', weight: 3, premium: true, trims: ['Business', 'Sport', 'S line', 'Design'],
    variants: [
      v('35 TFSI S tronic', 'PETROL', A, 'FWD', 1984, 110, 137, 6.0, 46900, 2019),
      v('40 TDI quattro S tronic', 'DIESEL', A, 'AWD', 1968, 150, 138, 5.3, 56900, 2019),
      v('Avant 2.0 TDI S tronic', 'DIESEL', A, 'FWD', 1968, 110, 119, 4.6, 44900, 2015, { to: 2019, category: 'ESTATE' }),
      v('Avant 40 TDI quattro S tronic', 'DIESEL', A, 'AWD', 1968, 150, 142, 5.4, 58900, 2019, estate),
    ],
  },
  {
    brand: 'Audi', model: 'Q5', category: 'SUV', weight: 2, premium: true, trims: ['Business', 'Sport', 'S line'],
    variants: [
      v('40 TDI quattro S tronic', 'DIESEL', A, 'AWD', 1968, 150, 165, 6.3, 62900, 2018),
      v('50 TFSI e quattro S tronic', 'PLUGIN_HYBRID', A, 'AWD', 1984, 220, 46, 2.0, 69900, 2020, { batteryKwh: 17.9, rangeKm: 62 }),
    ],
  },
  {
    brand: 'Kia', model: 'Ceed', category: 'HATCHBACK', weight: 5, trims: ['LX', 'EX', 'GT-Line'],
    variants: [
      v('1.0 T-GDI', 'PETROL', M, 'FWD', 998, 88, 126, 5.6, 24900, 2018),
      v('1.5 T-GDI DCT', 'PETROL', A, 'FWD', 1482, 118, 130, 5.8, 29900, 2021),
      v('SW 1.6 CRDi', 'DIESEL', M, 'FWD', 1598, 100, 112, 4.3, 28900, 2018, { to: 2021, category: 'ESTATE' }),
      v('SW 1.6 Plug-in Hybrid DCT', 'PLUGIN_HYBRID', A, 'FWD', 1580, 104, 33, 1.4, 36900, 2020, { batteryKwh: 8.9, rangeKm: 57, category: 'ESTATE' }),
    ],
  },
  {
    brand: 'Kia', model: 'Niro', category: 'SUV', weight: 3, trims: ['LX', 'EX', 'Premium'],
    variants: [
      v('1.6 Hybrid DCT', 'HYBRID', A, 'FWD', 1580, 104, 100, 4.4, 31900, 2017),
      v('e-Niro 64 kWh', 'ELECTRIC', A, 'FWD', null, 150, 0, 15.9, 44900, 2019, ev(64, 455)),
    ],
  },
  {
    brand: 'Kia', model: 'Sportage', category: 'SUV', weight: 3, trims: ['LX', 'EX', 'GT-Line'],
    variants: [
      v('1.6 T-GDI HEV', 'HYBRID', A, 'FWD', 1598, 169, 130, 5.7, 41900, 2022),
      v('1.6 T-GDI PHEV AWD', 'PLUGIN_HYBRID', A, 'AWD', 1598, 195, 25, 1.1, 48900, 2022, { batteryKwh: 13.8, rangeKm: 70 }),
    ],
  },
  {
    brand: 'Tesla', model: 'Model 3', category: 'SEDAN', weight: 3, trims: [],
    variants: [
      v('Standard Range Plus', 'ELECTRIC', A, 'RWD', null, 225, 0, 14.9, 46900, 2019, ev(55, 448, { to: 2021 })),
      v('RWD', 'ELECTRIC', A, 'RWD', null, 208, 0, 14.4, 43900, 2021, ev(60, 491)),
      v('Long Range Dual Motor AWD', 'ELECTRIC', A, 'AWD', null, 366, 0, 16.0, 55900, 2019, ev(75, 614)),
      v('Performance', 'ELECTRIC', A, 'AWD', null, 377, 0, 16.5, 61900, 2019, ev(79, 547)),
    ],
  },
  {
    brand: 'Tesla', model: 'Model Y', category: 'SUV', weight: 4, trims: [],
    variants: [
      v('RWD', 'ELECTRIC', A, 'RWD', null, 220, 0, 15.7, 45900, 2022, ev(60, 455)),
      v('Long Range AWD', 'ELECTRIC', A, 'AWD', null, 351, 0, 16.9, 52900, 2021, ev(75, 533)),
      v('Performance', 'ELECTRIC', A, 'AWD', null, 393, 0, 17.5, 61900, 2021, ev(75, 514)),
    ],
  },
  {
    brand: 'Ford', model: 'Focus', category: 'HATCHBACK', weight: 4, trims: ['Trend', 'Titanium', 'ST-Line', 'Active'],
    variants: [
      v('1.0 EcoBoost', 'PETROL', M, 'FWD', 999, 92, 124, 5.5, 25900, 2018),
      v('1.0 EcoBoost mHEV A7', 'PETROL', A, 'FWD', 999, 114, 128, 5.6, 30900, 2021),
      v('Wagon 1.5 EcoBlue A8', 'DIESEL', A, 'FWD', 1499, 88, 118, 4.5, 31900, 2018, { to: 2022, category: 'ESTATE' }),
    ],
  },
  {
    brand: 'Ford', model: 'Kuga', category: 'SUV', weight: 3, trims: ['Titanium', 'ST-Line', 'Vignale'],
    variants: [
      v('1.5 EcoBoost FFV', 'OTHER', M, 'FWD', 1497, 110, 150, 6.6, 34900, 2021),
      v('2.5 PHEV', 'PLUGIN_HYBRID', A, 'FWD', 2488, 165, 26, 1.2, 44900, 2020, { batteryKwh: 14.4, rangeKm: 64 }),
      v('2.5 FHEV AWD', 'HYBRID', A, 'AWD', 2488, 140, 140, 6.2, 43900, 2021),
    ],
  },
  {
    brand: 'Ford', model: 'Transit Custom', category: 'VAN', weight: 1, trims: ['Trend', 'Limited'],
    variants: [
      v('2.0 TDCi 130', 'DIESEL', M, 'FWD', 1995, 96, 189, 7.2, 42900, 2016, { doors: 4, seats: 3 }),
      v('2.0 EcoBlue 170 A6', 'DIESEL', A, 'FWD', 1995, 125, 199, 7.6, 49900, 2019, { doors: 4, seats: 3 }),
    ],
  },
  {
    brand: 'Ford', model: 'Ranger', category: 'PICKUP', weight: 1, trims: ['XLT', 'Wildtrak', 'Limited'],
    variants: [v('Double Cab 2.0 EcoBlue A10 4x4', 'DIESEL', A, 'AWD', 1996, 157, 256, 9.8, 64900, 2019)],
  },
  {
    brand: 'Nissan', model: 'Qashqai', category: 'SUV', weight: 4, trims: ['Visia', 'Acenta', 'N-Connecta', 'Tekna'],
    variants: [
      v('1.5 dCi', 'DIESEL', M, 'FWD', 1461, 85, 116, 4.4, 29900, 2018, { to: 2020 }),
      v('1.3 DIG-T Mild Hybrid', 'PETROL', M, 'FWD', 1332, 103, 143, 6.3, 31900, 2021),
      v('1.3 DIG-T Mild Hybrid Xtronic', 'PETROL', A, 'FWD', 1332, 116, 146, 6.4, 35900, 2021),
      v('e-POWER', 'HYBRID', A, 'FWD', 1497, 140, 119, 5.3, 40900, 2022),
    ],
  },
  {
    brand: 'Nissan', model: 'Leaf', category: 'HATCHBACK', weight: 2, trims: ['Acenta', 'N-Connecta', 'Tekna'],
    variants: [
      v('40 kWh', 'ELECTRIC', A, 'FWD', null, 110, 0, 17.1, 36900, 2018, ev(40, 270)),
      v('e+ 62 kWh', 'ELECTRIC', A, 'FWD', null, 160, 0, 18.5, 43900, 2019, ev(62, 385)),
    ],
  },
  {
    brand: 'Hyundai', model: 'Kona', category: 'SUV', weight: 4, trims: ['Comfort', 'Style', 'Premium'],
    variants: [
      v('1.0 T-GDi', 'PETROL', M, 'FWD', 998, 88, 132, 5.8, 25900, 2018),
      v('1.6 Hybrid DCT', 'HYBRID', A, 'FWD', 1580, 104, 99, 4.4, 31900, 2020),
      v('Electric 64 kWh', 'ELECTRIC', A, 'FWD', null, 150, 0, 15.4, 44900, 2019, ev(64, 484)),
    ],
  },
  {
    brand: 'Hyundai', model: 'Tucson', category: 'SUV', weight: 3, trims: ['Comfort', 'Style', 'Premium'],
    variants: [
      v('1.6 T-GDI Hybrid', 'HYBRID', A, 'FWD', 1598, 169, 127, 5.6, 42900, 2021),
      v('1.6 T-GDI Plug-in AWD', 'PLUGIN_HYBRID', A, 'AWD', 1598, 195, 31, 1.4, 49900, 2021, { batteryKwh: 13.8, rangeKm: 62 }),
    ],
  },
  {
    brand: 'Hyundai', model: 'i30', category: 'HATCHBACK', weight: 2, trims: ['Comfort', 'Style', 'N Line'],
    variants: [
      v('1.0 T-GDI', 'PETROL', M, 'FWD', 998, 88, 124, 5.5, 24900, 2017),
      v('Wagon 1.6 CRDi', 'DIESEL', M, 'FWD', 1598, 85, 114, 4.4, 27900, 2017, { to: 2020, category: 'ESTATE' }),
    ],
  },
  {
    brand: 'Hyundai', model: 'IONIQ 5', category: 'SUV', weight: 2, trims: ['Comfort', 'Style', 'Premium'],
    variants: [
      v('58 kWh RWD', 'ELECTRIC', A, 'RWD', null, 125, 0, 17.2, 46900, 2021, ev(58, 384)),
      v('77 kWh AWD', 'ELECTRIC', A, 'AWD', null, 239, 0, 18.6, 58900, 2021, ev(77, 460)),
    ],
  },
  {
    brand: 'Peugeot', model: '308', category: 'HATCHBACK', weight: 3, trims: ['Active', 'Allure', 'GT'],
    variants: [
      v('1.2 PureTech 110', 'PETROL', M, 'FWD', 1199, 81, 125, 5.5, 26900, 2018),
      v('1.2 PureTech 130 EAT8', 'PETROL', A, 'FWD', 1199, 96, 135, 6.0, 31900, 2018),
      v('Hybrid 180 e-EAT8', 'PLUGIN_HYBRID', A, 'FWD', 1598, 133, 26, 1.2, 42900, 2022, { batteryKwh: 12.4, rangeKm: 60 }),
      v('SW 1.5 BlueHDi 130 EAT8', 'DIESEL', A, 'FWD', 1499, 96, 121, 4.6, 34900, 2018, estate),
    ],
  },
  {
    brand: 'Peugeot', model: '3008', category: 'SUV', weight: 2, trims: ['Active', 'Allure', 'GT'],
    variants: [
      v('1.2 PureTech 130 EAT8', 'PETROL', A, 'FWD', 1199, 96, 142, 6.3, 36900, 2017),
      v('Hybrid4 300 e-EAT8 AWD', 'PLUGIN_HYBRID', A, 'AWD', 1598, 221, 31, 1.4, 54900, 2020, { batteryKwh: 13.2, rangeKm: 59 }),
    ],
  },
  {
    brand: 'Mazda', model: 'CX-5', category: 'SUV', weight: 4, trims: ['Premium', 'Luxury', 'Homura'],
    variants: [
      v('2.0 Skyactiv-G 165', 'PETROL', M, 'FWD', 1998, 121, 155, 6.8, 37900, 2017),
      v('2.5 Skyactiv-G AWD A6', 'PETROL', A, 'AWD', 2488, 143, 185, 8.1, 47900, 2018),
      v('2.2 Skyactiv-D 150 AWD A6', 'DIESEL', A, 'AWD', 2191, 110, 162, 6.2, 45900, 2017, { to: 2022 }),
    ],
  },
  {
    brand: 'Mazda', model: 'MX-5', category: 'CONVERTIBLE', weight: 1, trims: ['Premium', 'Luxury'],
    variants: [
      v('1.5 Skyactiv-G 132', 'PETROL', M, 'RWD', 1496, 97, 142, 6.3, 36900, 2016, { doors: 2, seats: 2 }),
      v('2.0 Skyactiv-G 184', 'PETROL', M, 'RWD', 1998, 135, 155, 6.8, 42900, 2019, { doors: 2, seats: 2 }),
    ],
  },
];

/** Doors and seats a body usually has, unless the variant says otherwise. */
export const BODY_DEFAULTS: Readonly<Record<CarCategory, { doors: number; seats: number }>> = {
  SEDAN: { doors: 4, seats: 5 },
  HATCHBACK: { doors: 5, seats: 5 },
  ESTATE: { doors: 5, seats: 5 },
  SUV: { doors: 5, seats: 5 },
  COUPE: { doors: 2, seats: 4 },
  CONVERTIBLE: { doors: 2, seats: 4 },
  MPV: { doors: 5, seats: 7 },
  VAN: { doors: 4, seats: 3 },
  PICKUP: { doors: 4, seats: 5 },
};

/** Vehicle manufacturer codes (VIN positions 1–3), so VINs look like the make's. */
export const VIN_WMI: Readonly<Record<string, string>> = {
  Toyota: 'SB1',
  Volkswagen: 'WVW',
  Skoda: 'TMB',
  Volvo: 'YV1',
  BMW: 'WBA',
  'Mercedes-Benz': 'W1K',
  Audi: 'WAU',
  Kia: 'U5Y',
  Tesla: 'LRW',
  Ford: 'WF0',
  Nissan: 'SJN',
  Hyundai: 'TMA',
  Peugeot: 'VR3',
  Mazda: 'JMZ',
};

export interface Colour {
  readonly fi: string;
  readonly en: string;
  readonly weight: number;
}

/** The colours of Finnish used-car stock, roughly by share. */
export const COLOURS: readonly Colour[] = [
  { fi: 'Valkoinen', en: 'white', weight: 20 },
  { fi: 'Musta', en: 'black', weight: 18 },
  { fi: 'Harmaa', en: 'grey', weight: 18 },
  { fi: 'Hopea', en: 'silver', weight: 14 },
  { fi: 'Sininen', en: 'blue', weight: 12 },
  { fi: 'Punainen', en: 'red', weight: 7 },
  { fi: 'Ruskea', en: 'brown', weight: 3 },
  { fi: 'Vihreä', en: 'green', weight: 2 },
  { fi: 'Beige', en: 'beige', weight: 2 },
];
