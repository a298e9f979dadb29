import { QueryState } from "@isoloir/ui";
import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface TitledTableProps<T> {
  testId: string;
  title: string;
  hint: string;
  query: { data: T[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  columns: string[];
  row: (item: T) => ReactNode;
}

/** A titled card with a hint over one query's rows as a table: the Members page's lists. */
export function TitledTable<T>({ testId, title, hint, query, columns, row }: TitledTableProps<T>) {
  return (
    <Paper data-testid={testId}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <QueryState query={query}>
          {(rows) => (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Th key={column}>{column}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{rows.map(row)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
