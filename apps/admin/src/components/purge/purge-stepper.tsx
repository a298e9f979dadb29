import { Stepper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { purgeSteps } from "../../lib/purge";

/** The five steps of a purge; steps up to `reached` can be opened again. */
export function PurgeStepper({
  active,
  reached,
  onSelect,
}: {
  active: number;
  reached: number;
  onSelect?: (step: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stepper
      active={active}
      onStepClick={onSelect}
      allowNextStepsSelect={false}
      size="sm"
      data-testid="purge-stepper"
      data-active={purgeSteps[active]}
    >
      {purgeSteps.map((step, index) => (
        <Stepper.Step
          key={step}
          label={t(`purges.steps.${step}`)}
          description={t(`purges.steps.${step}Hint`)}
          allowStepSelect={!!onSelect && index <= reached && index > 0}
          completedIcon={undefined}
        />
      ))}
    </Stepper>
  );
}
