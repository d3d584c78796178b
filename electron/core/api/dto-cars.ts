// Inventory data as it crosses the boundary: euros as numbers, times as ISO strings.
import type { CarCategory, CarStatus, DriveType, FuelType, Transmission } from './enums';

/** One row of the inventory table. */
export interface CarRowDto {
  id: string;
  slug: string;
  name: string;
  brand: string;
  model: string;
  variant: string | null;
  year: number;
  priceEur: number;
  mileageKm: number;
  fuelType: FuelType;
  transmission: Transmission;
  category: CarCategory;
  color: string | null;
  status: CarStatus;
  featured: boolean;
  primaryImageUrl: string | null;
  daysInStock: number;
  views: number;
  createdAt: string;
  deletedAt: string | null;
  version: number;
}

export interface CarImageDto {
  id: string;
  url: string;
  alt: string;
  sortOrder: number;
  isPrimary: boolean;
}

export interface CarDto extends CarRowDto {
  driveType: DriveType | null;
  doors: number | null;
  seats: number | null;
  engineSizeCc: number | null;
  powerKw: number | null;
  co2GPerKm: number | null;
  vin: string | null;
  registrationNumber: string | null;
  description: string | null;
  descriptionEn: string | null;
  metaTitle: string | null;
  metaDescription: string | null;
  purchasePriceEur: number | null;
  soldPriceEur: number | null;
  soldAt: string | null;
  stockedAt: string;
  updatedAt: string;
  images: CarImageDto[];
  features: string[];
  specifications: { label: string; value: string }[];
}

export interface CarPageDto {
  items: CarRowDto[];
  nextCursor: string | null;
  /** Matching cars in all pages, counted up to 10 000 (-1 on later pages). */
  total: number;
  /** True when there are more matches than the total says ("10 000+"). */
  totalCapped: boolean;
  /** The search as corrected when the typed words found nothing ("toyta" → "toyota"); null otherwise. */
  searchedFor: string | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface CarFacetsDto {
  brand: FacetCount[];
  model: FacetCount[];
  category: FacetCount[];
  status: FacetCount[];
  fuelType: FacetCount[];
  transmission: FacetCount[];
  featured: FacetCount[];
  price: { min: number | null; max: number | null };
  year: { min: number | null; max: number | null };
  mileage: { min: number | null; max: number | null };
}

export interface CarHistoryEntryDto {
  id: string;
  at: string;
  userEmail: string | null;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

export interface CarViewsPointDto {
  day: string;
  views: number;
}

export interface CsvRowError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  field: string | null;
  message: string;
}

export interface CsvImportResultDto {
  rows: number;
  valid: number;
  errors: CsvRowError[];
  /** First rows as they would be imported, for the preview. */
  preview: { line: number; name: string; brand: string; model: string; year: number; priceEur: number; slug: string }[];
  imported: number;
}

export interface BulkResultDto {
  updated: number;
  /** Cars skipped because the move is not allowed from their status. */
  skipped: { id: string; reason: string }[];
}
