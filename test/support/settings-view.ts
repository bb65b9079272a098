// The clinic settings modal's state as Slack submits it: a text input or a select per field.
// Fields left out of `values` are left out of the submission (a form opened by an older release).

const SELECTS = new Set(["locale", "digestWeekday", "meetingWeekday", "rateDefinition"]);

export function settingsViewValues(values: Readonly<Record<string, string | undefined>>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    state[field] = { [field]: SELECTS.has(field) ? { type: "static_select", selected_option: { value } } : { type: "plain_text_input", value } };
  }
  return state;
}
