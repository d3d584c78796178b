// Cars for inventory tests, created through the real channel.
import type { ChannelInput } from '../../electron/core/api/contract';
import type { TestClient } from '../support/core';

export type NewCar = ChannelInput<'cars.create'>;

export const corolla = (over: Partial<NewCar> = {}): NewCar => ({
  name: 'Toyota Corolla 1.8 Hybrid Active',
  brand: 'Toyota',
  model: 'Corolla',
  variant: '1.8 Hybrid Active',
  year: 2021,
  priceEur: 21900,
  mileageKm: 45000,
  fuelType: 'HYBRID',
  transmission: 'AUTOMATIC',
  category: 'HATCHBACK',
  color: 'Valkoinen',
  description: 'Hyväkuntoinen ja taloudellinen hybridi. Lohkolämmitin ja peruutuskamera. Huoltokirja tallessa.',
  descriptionEn: 'Well kept, economical hybrid with a block heater and a reversing camera.',
  images: [
    { url: 'https://images.kroiautocenter.fi/cars/corolla/1.jpg', alt: 'Corolla edestä', isPrimary: true },
    { url: 'https://images.kroiautocenter.fi/cars/corolla/2.jpg', alt: 'Corolla takaa', isPrimary: false },
  ],
  features: ['Lohkolämmitin', 'Peruutuskamera', 'Vakionopeudensäädin'],
  specifications: [
    { label: 'Moottori', value: '1.8 Hybrid' },
    { label: 'Teho', value: '90 kW' },
  ],
  ...over,
});

export const MODELS: Omit<NewCar, 'priceEur' | 'year' | 'mileageKm'>[] = [
  { name: 'Volkswagen Golf 1.5 TSI Life', brand: 'Volkswagen', model: 'Golf', fuelType: 'PETROL', transmission: 'MANUAL', category: 'HATCHBACK', description: 'Punainen Golf, vähän ajettu.' },
  { name: 'Skoda Octavia Combi 2.0 TDI', brand: 'Skoda', model: 'Octavia', fuelType: 'DIESEL', transmission: 'AUTOMATIC', category: 'ESTATE', description: 'Tilava farmari perheelle, vetokoukku.' },
  { name: 'Volvo XC60 T6 AWD Recharge', brand: 'Volvo', model: 'XC60', fuelType: 'PLUGIN_HYBRID', transmission: 'AUTOMATIC', category: 'SUV', description: 'Lataushybridi, nelivetoinen ja hyvin varusteltu.' },
  { name: 'Tesla Model 3 Long Range', brand: 'Tesla', model: 'Model 3', fuelType: 'ELECTRIC', transmission: 'AUTOMATIC', category: 'SEDAN', description: 'Sähköauto, autopilot ja lämpöpumppu.' },
  { name: 'Toyota RAV4 2.5 Hybrid AWD', brand: 'Toyota', model: 'RAV4', fuelType: 'HYBRID', transmission: 'AUTOMATIC', category: 'SUV', description: 'Nelivetoinen hybridi-SUV.' },
];

export async function createCars(client: TestClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = MODELS[i % MODELS.length]!;
    const car = await client.ok('cars.create', {
      ...m,
      name: `${m.name} #${i}`,
      year: 2015 + (i % 10),
      priceEur: 9000 + i * 1000,
      mileageKm: 10000 + i * 7000,
      images: [{ url: `https://images.kroiautocenter.fi/cars/${i}.jpg`, alt: `${m.name} ${i}`, isPrimary: true }],
    });
    ids.push(car.id);
  }
  return ids;
}
