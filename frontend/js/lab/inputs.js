// Which answer form each exercise type gets, and how an answer of that type is shown read-only.
import { GridInput, gridAnswerTable } from '/js/lab/grid-input.js';
import { ChoiceInput, choiceAnswerText } from '/js/lab/choice-input.js';
import { NumberInput, numberAnswerText } from '/js/lab/number-input.js';
import { FaultPlanInput, faultPlanAnswerText } from '/js/lab/fault-plan-input.js';
import { TraceInput, traceAnswerText } from '/js/lab/trace-input.js';
import { FindRunInput, findRunAnswerText } from '/js/lab/find-run-input.js';

/**
 * @param exercise the exercise from the lab sheet
 * @param context  { behaviours, beforeLeave }
 */
export function createInput(exercise, context) {
  const prefix = `ex-${exercise.id}`;
  const spec = exercise.input;
  switch (spec.kind) {
    case 'grid':
      return new GridInput(spec, prefix);
    case 'choice':
      return new ChoiceInput(spec, prefix);
    case 'number':
      return new NumberInput(spec, prefix);
    case 'fault-plan':
      return new FaultPlanInput(spec, prefix, context.behaviours, context.beforeLeave);
    case 'trace':
      return new TraceInput(spec, prefix);
    case 'find-run':
      return new FindRunInput(spec, prefix, context.beforeLeave);
    default:
      throw new Error(`This page cannot show exercises of the kind "${spec.kind}" yet.`);
  }
}

export function answerView(exercise, answer) {
  const spec = exercise.input;
  switch (spec.kind) {
    case 'grid':
      return gridAnswerTable(spec, answer);
    case 'choice':
      return choiceAnswerText(spec, answer);
    case 'number':
      return numberAnswerText(spec, answer);
    case 'fault-plan':
      return faultPlanAnswerText(spec, answer);
    case 'find-run':
      return findRunAnswerText(spec, answer);
    default:
      return traceAnswerText(spec, answer);
  }
}
