// The showroom's inventory: reads through the seed's Redis cache, writes to PostgreSQL
// first (with optimistic concurrency and an audit entry in the same transaction), then
// invalidates the cache as the seed says: the car's own keys, then every `cars:*` key.
import type pg from 'pg';
import type { ChannelParsed } from '../../api/contract';
import type { BulkResultDto, CarDto, CarFacetsDto, CarHistoryEntryDto, CarPageDto, CarRowDto } from '../../api/dto-cars';
import { CAR_STATUS_MOVES, type CarStatus } from '../../api/enums';
import { AppError, conflict, notFound } from '../../api/errors';
import type { Principal } from '../../api/router';
import type { CarFields } from '../../api/schemas/cars';
import type { Cache } from '../../cache/cache';
import { keys, patterns, TTL } from '../../cache/keys';
import type { Db, Prisma } from '../../db/prisma';
import { diff, record } from '../audit';
import { auditView, AUDITED_CAR_FIELDS, CAR_INCLUDE, toCarDto } from './car-dto';
import { carFacets } from './car-facets';
import { listCars, ROW_COLUMNS, toRow, type RowRecord } from './list-query';
import { slugify, uniqueSlug } from './slug';

type Tx = Prisma.TransactionClient;

export function createCarsService(deps: { db: Db; pool: pg.Pool; cache: Cache }) {
  const { db, pool, cache } = deps;

  async function loadCar(id: string, client: Tx | Db = db): Promise<CarDto | null> {
    const car = await client.car.findUnique({ where: { id }, include: CAR_INCLUDE });
    return car ? toCarDto(car) : null;
  }

  async function requireCar(id: string, client: Tx | Db = db): Promise<CarDto> {
    const car = await loadCar(id, client);
    if (!car) throw notFound('The car');
    return car;
  }

  /** A slug free for this car: the wanted one, or the name's with -2, -3 … */
  async function freeSlug(client: Tx | Db, wanted: string, excludeId?: string): Promise<string> {
    const base = slugify(wanted) || 'auto';
    const rows = await client.car.findMany({
      where: { slug: { startsWith: base }, ...(excludeId ? { id: { not: excludeId } } : {}) },
      select: { slug: true },
    });
    return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
  }

  async function invalidate(...cars: { id: string; slug: string; brand?: string; category?: string }[]): Promise<void> {
    const own = cars.flatMap((c) => [keys.car(c.id), keys.carBySlug(c.slug)]);
    await cache.del(...own);
    await cache.delPattern(patterns.cars);
  }

  function relationsData(fields: CarFields) {
    const primaryIndex = Math.max(0, fields.images.findIndex((i) => i.isPrimary));
    return {
      images: fields.images.map((img, i) => ({ url: img.url, alt: img.alt, sortOrder: i, isPrimary: i === primaryIndex })),
      features: fields.features.map((feature, i) => ({ feature, sortOrder: i })),
      specifications: fields.specifications.map((s, i) => ({ label: s.label, value: s.value, sortOrder: i })),
    };
  }

  function scalarData(fields: CarFields) {
    return {
      name: fields.name,
      brand: fields.brand,
      model: fields.model,
      variant: fields.variant,
      year: fields.year,
      priceEur: fields.priceEur,
      mileageKm: fields.mileageKm,
      fuelType: fields.fuelType,
      transmission: fields.transmission,
      category: fields.category,
      driveType: fields.driveType ?? null,
      color: fields.color,
      doors: fields.doors ?? null,
      seats: fields.seats ?? null,
      engineSizeCc: fields.engineSizeCc ?? null,
      powerKw: fields.powerKw ?? null,
      co2GPerKm: fields.co2GPerKm ?? null,
      vin: fields.vin ?? null,
      registrationNumber: fields.registrationNumber,
      description: fields.description,
      descriptionEn: fields.descriptionEn,
      featured: fields.featured,
      metaTitle: fields.metaTitle,
      metaDescription: fields.metaDescription,
      purchasePriceEur: fields.purchasePriceEur ?? null,
      ...(fields.stockedAt ? { stockedAt: new Date(fields.stockedAt) } : {}),
    };
  }

  async function vinTaken(client: Tx | Db, vin: string | null | undefined, excludeId?: string): Promise<void> {
    if (!vin) return;
    const other = await client.car.findFirst({ where: { vin, ...(excludeId ? { id: { not: excludeId } } : {}) }, select: { id: true } });
    if (other) throw new AppError('CONFLICT', 'Another car already has this VIN.', { fields: { vin: 'Another car already has this VIN.' } });
  }

  /** Optimistic concurrency: bump the version only if it is still the one the editor loaded. */
  async function claimVersion(tx: Tx, id: string, version: number, userId: string): Promise<CarDto> {
    const claimed = await tx.car.updateMany({ where: { id, version }, data: { version: { increment: 1 }, updatedById: userId } });
    if (claimed.count === 0) {
      const current = await loadCar(id, tx);
      if (!current) throw notFound('The car');
      throw conflict('Someone else saved this car after you opened it. Reload to see their changes.', { current });
    }
    return (await loadCar(id, tx))!;
  }

  return {
    async list(input: ChannelParsed<'cars.list'>): Promise<CarPageDto> {
      return cache.getOrLoad(keys.carsList(input), TTL.MEDIUM, () => listCars(pool, input));
    },

    async facets(input: ChannelParsed<'cars.facets'>): Promise<CarFacetsDto> {
      return cache.getOrLoad(keys.carsList({ facets: true, ...input }), TTL.MEDIUM, () => carFacets(pool, input));
    },

    async get(id: string): Promise<CarDto> {
      const car = await cache.getOrLoad(keys.car(id), TTL.LONG, () => loadCar(id));
      if (!car) throw notFound('The car');
      return car;
    },

    async getBySlug(slug: string): Promise<CarDto> {
      const car = await cache.getOrLoad(keys.carBySlug(slug), TTL.LONG, async () => {
        const row = await db.car.findUnique({ where: { slug }, select: { id: true } });
        return row ? loadCar(row.id) : null;
      });
      if (!car) throw notFound('The car');
      return car;
    },

    async slugPreview(name: string, excludeId?: string): Promise<string> {
      return freeSlug(db, name, excludeId);
    },

    async create(input: ChannelParsed<'cars.create'>, actor: Principal): Promise<CarDto> {
      const car = await db.$transaction(async (tx) => {
        await vinTaken(tx, input.vin);
        const slug = await freeSlug(tx, input.slug ?? `${input.name}`);
        const created = await tx.car.create({
          data: {
            ...scalarData(input),
            slug,
            status: input.status,
            createdById: actor.userId,
            updatedById: actor.userId,
            images: { create: relationsData(input).images },
            features: { create: relationsData(input).features },
            specifications: { create: relationsData(input).specifications },
          },
          include: CAR_INCLUDE,
        });
        const dto = toCarDto(created);
        await record(tx, { userId: actor.userId, action: 'car.create', entityType: 'Car', entityId: dto.id, changes: diff(null, auditView(dto), AUDITED_CAR_FIELDS) });
        return dto;
      });
      await invalidate(car);
      return car;
    },

    async update(input: ChannelParsed<'cars.update'>, actor: Principal): Promise<CarDto> {
      const { before, after } = await db.$transaction(async (tx) => {
        const before = await requireCar(input.id, tx);
        if (before.deletedAt) throw new AppError('CONFLICT', 'This car is in the trash. Restore it before editing.');
        await claimVersion(tx, input.id, input.version, actor.userId);
        await vinTaken(tx, input.vin, input.id);
        const slug = input.slug && input.slug !== before.slug ? await freeSlug(tx, input.slug, input.id) : before.slug;
        const rel = relationsData(input);
        await tx.carImage.deleteMany({ where: { carId: input.id } });
        await tx.carFeature.deleteMany({ where: { carId: input.id } });
        await tx.carSpecification.deleteMany({ where: { carId: input.id } });
        await tx.car.update({
          where: { id: input.id },
          data: {
            ...scalarData(input),
            slug,
            images: { create: rel.images },
            features: { create: rel.features },
            specifications: { create: rel.specifications },
          },
        });
        const after = (await loadCar(input.id, tx))!;
        const changes = diff(auditView(before), auditView(after), AUDITED_CAR_FIELDS);
        await record(tx, { userId: actor.userId, action: changes.priceEur ? 'car.update.price' : 'car.update', entityType: 'Car', entityId: input.id, changes });
        return { before, after };
      });
      await invalidate(before, after);
      return after;
    },

    async setStatus(input: ChannelParsed<'cars.setStatus'>, actor: Principal): Promise<CarDto> {
      const { before, after } = await db.$transaction(async (tx) => {
        const before = await requireCar(input.id, tx);
        if (before.deletedAt) throw new AppError('CONFLICT', 'This car is in the trash. Restore it first.');
        assertMove(before.status, input.status);
        await claimVersion(tx, input.id, input.version, actor.userId);
        const selling = input.status === 'SOLD';
        await tx.car.update({
          where: { id: input.id },
          data: {
            status: input.status,
            soldAt: selling ? new Date(input.soldAt ?? Date.now()) : null,
            soldPriceEur: selling ? input.soldPriceEur! : null,
            ...(input.status === 'AVAILABLE' && before.status === 'INCOMING' ? { stockedAt: new Date() } : {}),
          },
        });
        const after = (await loadCar(input.id, tx))!;
        await record(tx, { userId: actor.userId, action: 'car.status', entityType: 'Car', entityId: input.id, changes: diff(auditView(before), auditView(after), ['status', 'soldAt', 'soldPriceEur', 'stockedAt']) });
        return { before, after };
      });
      await invalidate(before, after);
      return after;
    },

    async softDelete(input: ChannelParsed<'cars.delete'>, actor: Principal): Promise<CarDto> {
      const car = await db.$transaction(async (tx) => {
        const before = await requireCar(input.id, tx);
        if (before.deletedAt) return before;
        await claimVersion(tx, input.id, input.version, actor.userId);
        await tx.car.update({ where: { id: input.id }, data: { deletedAt: new Date() } });
        const after = (await loadCar(input.id, tx))!;
        await record(tx, { userId: actor.userId, action: 'car.delete', entityType: 'Car', entityId: input.id, changes: diff(auditView(before), auditView(after), ['deletedAt']) });
        return after;
      });
      await invalidate(car);
      return car;
    },

    async restore(input: ChannelParsed<'cars.restore'>, actor: Principal): Promise<CarDto> {
      const car = await db.$transaction(async (tx) => {
        const before = await requireCar(input.id, tx);
        if (!before.deletedAt) return before;
        await tx.car.update({ where: { id: input.id }, data: { deletedAt: null, version: { increment: 1 }, updatedById: actor.userId } });
        const after = (await loadCar(input.id, tx))!;
        await record(tx, { userId: actor.userId, action: 'car.restore', entityType: 'Car', entityId: input.id, changes: diff(auditView(before), auditView(after), ['deletedAt']) });
        return after;
      });
      await invalidate(car);
      return car;
    },

    /** Permanent delete, from the trash only (SUPER_ADMIN by the contract). */
    async purge(input: ChannelParsed<'cars.purge'>, actor: Principal): Promise<null> {
      const car = await db.$transaction(async (tx) => {
        const before = await requireCar(input.id, tx);
        if (!before.deletedAt) throw new AppError('CONFLICT', 'Only cars in the trash can be deleted permanently. Move it to the trash first.');
        await tx.car.delete({ where: { id: input.id } });
        await record(tx, { userId: actor.userId, action: 'car.purge', entityType: 'Car', entityId: input.id, changes: diff(auditView(before), null, ['name', 'slug', 'brand', 'model', 'year', 'priceEur', 'vin']) });
        return before;
      });
      await invalidate(car);
      return null;
    },

    async bulk(input: ChannelParsed<'cars.bulk'>, actor: Principal): Promise<BulkResultDto> {
      const { touched, skipped } = await db.$transaction(async (tx) => {
        const cars = await tx.car.findMany({ where: { id: { in: input.ids } }, include: CAR_INCLUDE });
        const found = new Set(cars.map((c) => c.id));
        const skipped: BulkResultDto['skipped'] = input.ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: 'not found' }));
        const touched: CarDto[] = [];
        for (const raw of cars) {
          const before = toCarDto(raw);
          const action = input.action;
          let data: Prisma.CarUpdateInput;
          if (action.type === 'status') {
            if (before.deletedAt) {
              skipped.push({ id: before.id, reason: 'in the trash' });
              continue;
            }
            if (before.status === action.status) continue;
            if (!CAR_STATUS_MOVES[before.status].includes(action.status)) {
              skipped.push({ id: before.id, reason: `${before.status} → ${action.status} is not allowed` });
              continue;
            }
            // As in setStatus: a car that arrives starts its days in stock now.
            data = { status: action.status, soldAt: null, soldPriceEur: null, ...(action.status === 'AVAILABLE' && before.status === 'INCOMING' ? { stockedAt: new Date() } : {}) };
          } else if (action.type === 'featured') {
            if (before.featured === action.featured) continue;
            data = { featured: action.featured };
          } else {
            if (before.deletedAt) continue;
            data = { deletedAt: new Date() };
          }
          await tx.car.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 }, updatedBy: { connect: { id: actor.userId } } } });
          const after = (await loadCar(before.id, tx))!;
          await record(tx, {
            userId: actor.userId,
            action: action.type === 'delete' ? 'car.delete' : action.type === 'status' ? 'car.status' : 'car.update',
            entityType: 'Car',
            entityId: before.id,
            changes: diff(auditView(before), auditView(after), ['status', 'featured', 'deletedAt', 'soldAt', 'soldPriceEur', 'stockedAt']),
            metadata: { bulk: true },
          });
          touched.push(after);
        }
        return { touched, skipped };
      });
      if (touched.length) await invalidate(...touched);
      return { updated: touched.length, skipped };
    },

    /** Same brand or category, near in price, for sale. */
    async related(id: string): Promise<CarRowDto[]> {
      return cache.getOrLoad(keys.carsRelated(id), TTL.MEDIUM, async () => {
        const { rows } = await pool.query<RowRecord>(
          `SELECT ${ROW_COLUMNS}
           FROM cars c LEFT JOIN car_stats s ON s.car_id = c.id, cars me
           WHERE me.id = $1 AND c.id <> me.id AND c.deleted_at IS NULL AND c.status IN ('AVAILABLE', 'RESERVED', 'INCOMING')
             AND (c.brand = me.brand OR c.category = me.category)
             AND c.price_eur BETWEEN me.price_eur * 0.7 AND me.price_eur * 1.3
           ORDER BY (c.brand = me.brand) DESC, abs(c.price_eur - me.price_eur), c.id
           LIMIT 8`,
          [id],
        );
        return rows.map(toRow);
      });
    },

    async featured(): Promise<CarRowDto[]> {
      return cache.getOrLoad(keys.carsFeatured(), TTL.MEDIUM, async () => {
        const { rows } = await pool.query<RowRecord>(
          `SELECT ${ROW_COLUMNS} FROM cars c LEFT JOIN car_stats s ON s.car_id = c.id
           WHERE c.featured AND c.deleted_at IS NULL AND c.status IN ('AVAILABLE', 'RESERVED') ORDER BY c.created_at DESC LIMIT 50`,
        );
        return rows.map(toRow);
      });
    },

    /** Models of a brand with their stock counts (the editor's suggestions and the model filter). */
    async brandModels(brand: string): Promise<{ model: string; count: number }[]> {
      return cache.getOrLoad(keys.carsByBrand(brand), TTL.MEDIUM, async () => {
        const { rows } = await pool.query<{ model: string; count: number }>(
          // The key is the lowercased brand, so the match ignores case too (else 'toyota' would cache [] for 'Toyota').
          'SELECT model, count(*)::int AS count FROM cars WHERE lower(brand) = lower($1) AND deleted_at IS NULL GROUP BY model ORDER BY count DESC, model',
          [brand],
        );
        return rows;
      });
    },

    async history(id: string): Promise<CarHistoryEntryDto[]> {
      const rows = await db.activityLog.findMany({
        where: { entityType: 'Car', entityId: id },
        include: { user: { select: { email: true } } },
        orderBy: { id: 'desc' },
        take: 200,
      });
      return rows.map((r) => ({
        id: String(r.id),
        at: r.createdAt.toISOString(),
        userEmail: r.user?.email ?? null,
        action: r.action,
        changes: (r.changes as CarHistoryEntryDto['changes']) ?? null,
      }));
    },

    invalidate,
  };
}

export function assertMove(from: CarStatus, to: CarStatus): void {
  if (from === to) throw new AppError('CONFLICT', `The car is already ${to}.`);
  if (!CAR_STATUS_MOVES[from].includes(to)) {
    throw new AppError('CONFLICT', `A car cannot move from ${from} to ${to}.`, { details: { allowed: CAR_STATUS_MOVES[from] } });
  }
}

export type CarsService = ReturnType<typeof createCarsService>;
