import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { plural } from "./labels";
import { LevelChip } from "./level-chip";
import type { Level, PracticeView } from "./types";

export function PracticeLevels({ view }: { view: PracticeView }) {
  const counts = new Map<Level, number>();
  for (const account of view.accounts)
    if (account.level !== null) counts.set(account.level, (counts.get(account.level) ?? 0) + 1);
  return (
    <Card>
      <CardHeader
        title="Levels"
        description="A level is reached when all its checks and every lower level's checks pass. The organisation is at the level of its weakest account."
      />
      <ol className="divide-y divide-slate-100">
        {view.practice.levels.map((level) => {
          const isHere = view.level === level.level;
          const isReached = view.level !== null && level.level <= view.level;
          const accounts = counts.get(level.level) ?? 0;
          return (
            <li
              key={level.level}
              className={cn("grid grid-cols-[2.5rem_minmax(0,1fr)_auto] items-start gap-3 px-5 py-3", isHere && "bg-sky-50/60")}
            >
              <LevelChip level={level.level} size="lg" muted={!isReached} />
              <div>
                <p className="text-sm font-semibold text-slate-900">
                  {level.title}
                  {isHere && (
                    <span className="ml-2 rounded-full bg-sky-700 px-2 py-0.5 text-xs font-medium text-white">
                      Organisation is here
                    </span>
                  )}
                </p>
                <p className="text-sm text-slate-600">{level.meaning}</p>
              </div>
              <p className="text-right text-xs whitespace-nowrap text-slate-500">
                {accounts > 0 ? plural(accounts, "account") : ""}
              </p>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
