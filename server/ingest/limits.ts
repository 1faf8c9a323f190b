// Bounds on concurrent work inside one worker process: per AWS account (so one account's
// API quotas are not exhausted by parallel tasks) and per service (Cost Explorer and
// Organizations have low, account-wide rate limits). The number of worker loops bounds
// the total; several processes each apply their own bounds.

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const semaphores = new Map<string, Semaphore>();

function semaphore(key: string, limit: number): Semaphore {
  let s = semaphores.get(key);
  if (!s) semaphores.set(key, (s = new Semaphore(limit)));
  return s;
}

const perService: Record<string, number> = { costExplorer: 1, organizations: 2 };

export function withLimits<T>(opts: { accountId: string; service: string }, work: () => Promise<T>): Promise<T> {
  const perAccount = Number(process.env.LADDER_ACCOUNT_CONCURRENCY ?? 3);
  const serviceLimit = perService[opts.service] ?? Number(process.env.LADDER_SERVICE_CONCURRENCY ?? 8);
  return semaphore(`account:${opts.accountId}`, perAccount).run(() =>
    semaphore(`service:${opts.service}`, serviceLimit).run(work),
  );
}
