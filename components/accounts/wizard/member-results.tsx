import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { DiscoveredMember, MemberResult } from "../types";

export function MemberResults({ results, accounts }: { results: MemberResult[]; accounts: DiscoveredMember[] }) {
  const names = new Map(accounts.map((a) => [a.accountId, a.name]));
  const failed = results.filter((r) => r.status === "failed").length;
  const connected = results.length - failed;
  return (
    <div className="space-y-3">
      <Alert
        tone={failed ? "warning" : "success"}
        title={`Connected ${connected} of ${results.length} ${results.length === 1 ? "account" : "accounts"}`}
      >
        {failed > 0 &&
          "Failed accounts stay in the list with their error; fix the role there and re-verify them, or select them here again."}
      </Alert>
      <div className="overflow-hidden rounded-md border border-slate-200">
        <Table caption="Results">
          <thead>
            <tr>
              <Th>Account</Th>
              <Th>Result</Th>
            </tr>
          </thead>
          <TBody>
            {results.map((result) => (
              <tr key={result.accountId}>
                <Td>
                  <span className="block font-medium text-slate-900">{names.get(result.accountId) ?? result.accountId}</span>
                  <span className="font-mono text-xs text-slate-500">{result.accountId}</span>
                </Td>
                <Td>
                  {result.status === "connected" ? (
                    <Badge tone="green">Connected</Badge>
                  ) : (
                    <div className="space-y-1">
                      <Badge tone="red">Failed</Badge>
                      <p className="text-xs [overflow-wrap:anywhere] text-red-700">{result.error}</p>
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
