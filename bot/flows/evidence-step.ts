/**
 * The optional evidence question of /objection and /repair: up to ten files (pictures or PDF)
 * that support the application, with the flow's own label.
 */
import type { FormEnv, Step } from '../form/step.ts';

/** The `attachments.evidence` step, labelled by the flow that asks it. */
export function evidenceStep<D>(label: (env: FormEnv<D>) => string): Step<D> {
  return {
    key: 'attachments.evidence',
    input: 'files',
    kind: 'evidence',
    max: 10,
    optional: true,
    label,
    help: (_a, env) => env.t('files-help-evidence'),
  };
}
