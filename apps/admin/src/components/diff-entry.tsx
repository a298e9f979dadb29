import { Badge, Box, Button, Group, Paper, SimpleGrid, Spoiler, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DiffLine, lineDiff } from "../lib/line-diff";

const tint: Record<DiffLine["kind"], string | undefined> = {
  same: undefined,
  removed: "var(--mantine-color-red-light)",
  added: "var(--mantine-color-teal-light)",
};

/** A line, or a fold standing for a run of unchanged lines. */
type Shown = DiffLine | { kind: "fold"; count: number };

const context = 2;

/** Folds runs of unchanged lines longer than 2 × context + 1, keeping `context` lines either side. */
function fold(lines: DiffLine[]): Shown[] {
  const out: Shown[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]?.kind !== "same") {
      out.push(lines[i++] as DiffLine);
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]?.kind === "same") end++;
    const run = lines.slice(i, end);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = end === lines.length ? 0 : context;
    if (run.length > keepHead + keepTail + 1) {
      out.push(...run.slice(0, keepHead), { kind: "fold", count: run.length - keepHead - keepTail });
      out.push(...run.slice(run.length - keepTail));
    } else out.push(...run);
    i = end;
  }
  return out;
}

function Lines({ lines }: { lines: Shown[] }) {
  const { t } = useTranslation();
  return (
    <Box
      component="pre"
      m={0}
      p="xs"
      fz="sm"
      bg="var(--mantine-color-gray-0)"
      style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", lineHeight: 1.55, borderRadius: 6 }}
    >
      {lines.map((line, index) =>
        line.kind === "fold" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the line's identity
          <Box key={index} component="span" display="block" c="dimmed" fs="italic" ta="center">
            {t("changes.folded", { count: line.count })}
          </Box>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the line's identity
          <Box key={index} component="span" display="block" bg={tint[line.kind]} data-kind={line.kind}>
            {line.text || " "}
          </Box>
        ),
      )}
    </Box>
  );
}

function Column({ title, lines, long }: { title: string; lines: Shown[] | null; long: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {lines === null ? (
        <Text
          size="sm"
          c="dimmed"
          fs="italic"
          p="xs"
          bg="var(--mantine-color-gray-0)"
          style={{ borderRadius: 6 }}
        >
          {t("changes.absent")}
        </Text>
      ) : long ? (
        <Spoiler maxHeight={220} showLabel={t("changes.showMore")} hideLabel={t("changes.showLess")}>
          <Lines lines={lines} />
        </Spoiler>
      ) : (
        <Lines lines={lines} />
      )}
    </Stack>
  );
}

/** One rule of a diff: its id and title, and its explanation before and after, side by side. */
export function DiffEntry({
  kind,
  id,
  title,
  before,
  after,
  fields,
}: {
  kind: "added" | "removed" | "changed";
  id: string;
  title: string;
  before: string | null;
  after: string | null;
  fields?: string[];
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const lines = lineDiff(before ?? "", after ?? "");
  const folded = kind === "changed" && !expanded ? fold(lines) : lines;
  const canFold = kind === "changed" && fold(lines).length < lines.length;
  const color = kind === "added" ? "teal" : kind === "removed" ? "red" : "orange";
  return (
    <Paper data-testid={`${kind}-${id}`} style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <div>
            <Text className="isoloir-mono" fw={700}>
              {id}
            </Text>
            <Text size="sm" lang="en">
              {title}
            </Text>
          </div>
          <Badge color={color} variant="light">
            {t(`changes.${kind}`)}
          </Badge>
        </Group>
        {fields && fields.length > 0 && (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t("changes.fields")}
            </Text>
            {fields.map((f) => (
              <Badge key={f} size="xs" variant="outline" color="gray" className="isoloir-mono">
                {f}
              </Badge>
            ))}
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Column
            title={t("changes.beforeText")}
            lines={before === null ? null : folded.filter((l) => l.kind !== "added")}
            long={kind !== "changed"}
          />
          <Column
            title={t("changes.afterText")}
            lines={after === null ? null : folded.filter((l) => l.kind !== "removed")}
            long={kind !== "changed"}
          />
        </SimpleGrid>
        {canFold && (
          <Group>
            <Button size="xs" variant="subtle" onClick={() => setExpanded((v) => !v)}>
              {expanded ? t("changes.foldLines") : t("changes.showAllLines")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
