// The clinic settings form (a Slack modal, a Teams card): locale, time zone, digest and meeting
// times, agenda lead time, and which definition the employment rate follows. Opened by `channel connect` and `channel settings`.
import { z } from "zod";
import type { ClinicRecord } from "../../storage/store.ts";
import { LOCALES } from "../../prompts/locales.ts";
import { authorizeFor } from "../authorize.ts";
import { actorOf, withClinic, type RequestContext } from "../context.ts";
import { defineForm } from "../command-spec.ts";
import { ephemeral, type FormReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { isValidTimeZone } from "../rules/calendar-day.ts";
import { RATE_DEFINITIONS } from "../rules/employment-rate.ts";
import { isLocalTime } from "../rules/zoned-time.ts";
import { oneOf, parseInput } from "../validation.ts";

export const SETTINGS_FORM_ID = "clinic-settings";
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const MAX_LEAD_MINUTES = 24 * 60;

export function settingsForm(ctx: RequestContext, clinic: ClinicRecord): FormReply {
  const weekdayOptions = WEEKDAYS.map((day) => ({ value: day, label: ctx.t(`weekday.${day}`) }));
  return {
    kind: "form",
    form: {
      formId: SETTINGS_FORM_ID,
      title: ctx.t("settings.form.title"),
      submitLabel: ctx.t("settings.form.submit"),
      cancelLabel: ctx.t("contact.form.cancel"),
      hidden: { clinicId: String(clinic.id) },
      fields: [
        { kind: "select", id: "locale", label: ctx.t("settings.form.locale"), required: true, initial: clinic.locale ?? ctx.defaultLocale, options: LOCALES.map((locale) => ({ value: locale, label: ctx.t(`locale.${locale}`) })) },
        { kind: "text", id: "timeZone", label: ctx.t("settings.form.timeZone"), required: true, maxLength: 64, initial: clinic.timeZone },
        { kind: "select", id: "digestWeekday", label: ctx.t("settings.form.digestDay"), required: true, initial: String(clinic.digestWeekday), options: weekdayOptions },
        { kind: "text", id: "digestTime", label: ctx.t("settings.form.digestTime"), required: true, maxLength: 5, initial: clinic.digestTime, placeholder: "08:00" },
        { kind: "select", id: "meetingWeekday", label: ctx.t("settings.form.meetingDay"), required: true, initial: String(clinic.meetingWeekday), options: weekdayOptions },
        { kind: "text", id: "meetingTime", label: ctx.t("settings.form.meetingTime"), required: true, maxLength: 5, initial: clinic.meetingTime, placeholder: "09:00" },
        { kind: "text", id: "agendaLeadMinutes", label: ctx.t("settings.form.agendaLead"), required: true, maxLength: 4, initial: String(clinic.agendaLeadMinutes) },
        {
          kind: "select",
          id: "rateDefinition",
          label: ctx.t("settings.form.rateDefinition"),
          required: true,
          initial: clinic.rateDefinition,
          options: RATE_DEFINITIONS.map((definition) => ({ value: definition, label: ctx.t(`rateDefinition.${definition}`) })),
        },
      ],
    },
  };
}

const localTime = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = text?.trim() ?? "";
    if (isLocalTime(value)) return value;
    ctx.addIssue({ code: "custom", message: "error.timeInvalid", params: { input: value } });
    return z.NEVER;
  });

const settingsSchema = z.object({
  locale: oneOf(LOCALES, "error.localeUnknown"),
  timeZone: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = text?.trim() ?? "";
      if (value && isValidTimeZone(value)) return value;
      ctx.addIssue({ code: "custom", message: "error.timeZoneInvalid", params: { input: value } });
      return z.NEVER;
    }),
  digestWeekday: oneOf(WEEKDAYS, "error.weekdayUnknown").transform(Number),
  digestTime: localTime,
  meetingWeekday: oneOf(WEEKDAYS, "error.weekdayUnknown").transform(Number),
  meetingTime: localTime,
  agendaLeadMinutes: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = text?.trim() ?? "";
      const minutes = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
      if (minutes >= 0 && minutes <= MAX_LEAD_MINUTES) return minutes;
      ctx.addIssue({ code: "custom", message: "error.leadInvalid", params: { input: value, max: MAX_LEAD_MINUTES } });
      return z.NEVER;
    }),
  rateDefinition: oneOf(RATE_DEFINITIONS, "error.rateDefinitionUnknown"),
});

/** The clinic a settings form names in its hidden values; untrusted, so checked and authorised here. */
async function formClinic(ctx: RequestContext, hidden: Readonly<Record<string, string>>): Promise<ClinicRecord> {
  const clinicId = /^\d{1,10}$/.test(hidden.clinicId ?? "") ? Number(hidden.clinicId) : Number.NaN;
  const clinic = Number.isNaN(clinicId) ? null : await ctx.store.clinics.findById(clinicId);
  if (!clinic) return refuse("error.clinicGone");
  await authorizeFor(ctx, clinic, "channels");
  return clinic;
}

export const clinicSettingsForm = defineForm({
  formId: SETTINGS_FORM_ID,
  // The form names its clinic; formClinic checks the role there, not in the context's clinic.
  permission: "anyone",
  open: async (ctx, hidden) => settingsForm(ctx, await formClinic(ctx, hidden)).form,
  async validate(ctx, values, hidden) {
    const clinic = await formClinic(ctx, hidden);
    // A form opened before the rate definition was a setting has no such field: the clinic's stays.
    return { clinic, settings: parseInput(settingsSchema, { ...values, rateDefinition: values.rateDefinition ?? clinic.rateDefinition }) };
  },
  async act(ctx, { clinic, settings }) {
    const saved = await ctx.store.clinics.updateSettings(clinic.id, settings, actorOf(ctx), ctx.clock.now());
    const t = withClinic(ctx, saved).t;
    const text = t("settings.saved", {
      clinic: saved.name,
      digestDay: t(`weekday.${saved.digestWeekday}`),
      digestTime: saved.digestTime,
      meetingDay: t(`weekday.${saved.meetingWeekday}`),
      meetingTime: saved.meetingTime,
      lead: saved.agendaLeadMinutes,
      timeZone: saved.timeZone,
      locale: t(`locale.${saved.locale}`),
      rateDefinition: t(`rateDefinition.${saved.rateDefinition}`),
    });
    return ephemeral({ type: "text", tone: "success", text });
  },
});
