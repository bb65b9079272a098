// Exactly once, by the database. A request that can change data runs inside one
// transaction that first claims its delivery key; the claim and the change commit together or not
// at all. A redelivered request finds the key taken and gets the first answer back. A request that
// changed nothing (no audit event: every change writes one) gives its claim back, so read-only
// answers, which may hold notes and reasons, are not kept.
import type { Db } from "./database.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { isUniqueViolation } from "./unique-violation.ts";

/** How long a delivery key is remembered: far beyond any platform's redelivery. */
export const DELIVERY_KEY_DAYS = 7;

export type Once<T> = { repeat: false; result: T } | { repeat: true; result: T | undefined };

class RepeatedDelivery extends Error {
  override name = "RepeatedDelivery";
}

/**
 * Runs `work` once per key: inside a transaction that claims the key, with a Db whose own
 * `$transaction` calls become savepoints of it (so repositories keep their atomic units).
 */
export async function runOnce<T>(db: Db, key: string, at: Date, work: (txDb: Db) => Promise<T>): Promise<Once<T>> {
  try {
    const result = await db.$transaction(
      async (tx) => {
        try {
          await tx.delivery.create({ data: { key, claimedAt: at } });
        } catch (error) {
          if (isUniqueViolation(error)) throw new RepeatedDelivery(key);
          throw error;
        }
        const auditBefore = await lastAuditEventId(tx);
        const value = await work(withSavepoints(tx));
        if ((await lastAuditEventId(tx)) === auditBefore) await tx.delivery.delete({ where: { key } });
        else await tx.delivery.update({ where: { key }, data: { reply: JSON.stringify(value ?? null) } });
        return value;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
    return { repeat: false, result };
  } catch (error) {
    if (!(error instanceof RepeatedDelivery)) throw error;
    const first = await db.delivery.findUnique({ where: { key } });
    return { repeat: true, result: first?.reply ? (JSON.parse(first.reply) as T) : undefined };
  }
}

/** Forgets delivery keys older than DELIVERY_KEY_DAYS; returns how many. */
export async function forgetOldDeliveries(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_KEY_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.delivery.deleteMany({ where: { claimedAt: { lt: before } } });
  return count;
}

async function lastAuditEventId(tx: Prisma.TransactionClient): Promise<number> {
  const { _max } = await tx.auditEvent.aggregate({ _max: { id: true } });
  return _max.id ?? 0;
}

let savepoints = 0;

/** The transaction client as a Db: a nested `$transaction(fn)` is a savepoint, rolled back alone on error. */
function withSavepoints(tx: Prisma.TransactionClient): Db {
  const nested = async (fn: (inner: Prisma.TransactionClient) => Promise<unknown>) => {
    const name = `ipsbot_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const value = await fn(tx);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  };
  return new Proxy(tx, { get: (target, property, receiver) => (property === "$transaction" ? nested : Reflect.get(target, property, receiver)) }) as unknown as Db;
}
