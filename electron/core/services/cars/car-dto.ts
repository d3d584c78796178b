// A car with its images, features and specifications as the editor sees it.
import type { CarDto } from '../../api/dto-cars';
import type { Prisma } from '../../db/prisma';

export const CAR_INCLUDE = {
  images: { orderBy: { sortOrder: 'asc' } },
  features: { orderBy: { sortOrder: 'asc' } },
  specifications: { orderBy: { sortOrder: 'asc' } },
  stats: true,
} as const satisfies Prisma.CarInclude;

export type CarWithRelations = Prisma.CarGetPayload<{ include: typeof CAR_INCLUDE }>;

const euros = (d: Prisma.Decimal | null): number | null => (d === null ? null : d.toNumber());
const DAY = 86_400_000;

export function toCarDto(car: CarWithRelations): CarDto {
  const end = car.soldAt ?? new Date();
  const primary = car.images.find((i) => i.isPrimary) ?? null;
  return {
    id: car.id,
    slug: car.slug,
    name: car.name,
    brand: car.brand,
    model: car.model,
    variant: car.variant,
    year: car.year,
    priceEur: car.priceEur.toNumber(),
    mileageKm: car.mileageKm,
    fuelType: car.fuelType,
    transmission: car.transmission,
    category: car.category,
    color: car.color,
    status: car.status,
    featured: car.featured,
    primaryImageUrl: primary?.url ?? null,
    daysInStock: Math.max(0, Math.floor((end.getTime() - car.stockedAt.getTime()) / DAY)),
    views: car.stats?.views ?? 0,
    createdAt: car.createdAt.toISOString(),
    deletedAt: car.deletedAt?.toISOString() ?? null,
    version: car.version,
    driveType: car.driveType,
    doors: car.doors,
    seats: car.seats,
    engineSizeCc: car.engineSizeCc,
    powerKw: car.powerKw,
    co2GPerKm: car.co2GPerKm,
    vin: car.vin,
    registrationNumber: car.registrationNumber,
    description: car.description,
    descriptionEn: car.descriptionEn,
    metaTitle: car.metaTitle,
    metaDescription: car.metaDescription,
    purchasePriceEur: euros(car.purchasePriceEur),
    soldPriceEur: euros(car.soldPriceEur),
    soldAt: car.soldAt?.toISOString() ?? null,
    stockedAt: car.stockedAt.toISOString(),
    updatedAt: car.updatedAt.toISOString(),
    images: car.images.map((i) => ({ id: i.id, url: i.url, alt: i.alt, sortOrder: i.sortOrder, isPrimary: i.isPrimary })),
    features: car.features.map((f) => f.feature),
    specifications: car.specifications.map((s) => ({ label: s.label, value: s.value })),
  };
}

/** The fields the audit log and the conflict view compare. */
export const AUDITED_CAR_FIELDS = [
  'name', 'slug', 'brand', 'model', 'variant', 'year', 'priceEur', 'mileageKm', 'fuelType', 'transmission', 'category',
  'driveType', 'color', 'doors', 'seats', 'engineSizeCc', 'powerKw', 'co2GPerKm', 'vin', 'registrationNumber',
  'description', 'descriptionEn', 'status', 'featured', 'metaTitle', 'metaDescription', 'purchasePriceEur',
  'soldPriceEur', 'soldAt', 'stockedAt', 'deletedAt', 'images', 'features', 'specifications',
] as const;

/** The audited view of a car DTO (lists compared as JSON). */
export function auditView(car: CarDto): Record<string, unknown> {
  return {
    ...car,
    images: car.images.map((i) => ({ url: i.url, alt: i.alt, isPrimary: i.isPrimary })),
  };
}
