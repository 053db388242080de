using System;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Workflow;

/// <summary>Plans success check-in meetings at a cadence for the services the "Schedule Success Check-in
/// Meetings" activity applies to — not the workloads handed to a CSM.</summary>
public static class CheckInScheduler
{
    /// <summary>A bound on one call, so a typo in -Until cannot fill a plan with years of meetings.</summary>
    public const int MaxMeetings = 52;

    public static Action<CustomerPlan> Schedule(PlaybookCatalog catalog, DateTime today, DateTime start, int everyDays, DateTime? until,
        TimeSpan at, int durationMinutes) =>
        plan =>
        {
            var last = (until ?? plan.TargetDate)
                ?? throw WorkflowErrors.CheckInEndMissing(plan).ToException();
            if (everyDays < 1) throw WorkflowErrors.InvalidCadence(everyDays).ToException();
            if (last.Date < start.Date) throw PlanValueErrors.DatesOutOfOrder(last, "The check-ins would end", last, "they start", start).ToException();

            var evaluation = PlaybookEvaluator.Evaluate(new RuleFacts(catalog, plan, PlanUsageFacts.Latest(plan), today));
            var services = evaluation.Activities.Where(a => a.Activity == "ScheduleCheckIns" && a.Applies).Select(a => a.Service).ToList();
            if (services.Count == 0)
            {
                throw WorkflowErrors.NoCheckInServices(plan,
                    evaluation.Activities.Where(a => a.Activity == "ScheduleCheckIns" && a.Service is var s && plan.Service(s).Intended)
                        .Select(a => $"{a.Service}: {a.Applicability} ({a.Facts})").DefaultIfEmpty("no service is intended")).ToException();
            }
            var dates = Enumerable.Range(0, MaxMeetings + 1).Select(i => start.Date.AddDays(i * everyDays)).TakeWhile(d => d <= last.Date).ToList();
            if (dates.Count > MaxMeetings)
                throw WorkflowErrors.TooManyCheckIns(last, MaxMeetings).ToException();
            var id = plan.CheckIns.Count == 0 ? 0 : plan.CheckIns.Max(c => c.Id);
            foreach (var date in dates.Where(d => plan.CheckIns.All(c => c.Date.Date != d)))
                plan.CheckIns.Add(new CheckIn { Id = ++id, Date = date + at, DurationMinutes = durationMinutes, Services = services.ToJoinedList() });
            plan.CheckIns.Sort((a, b) => a.Date.CompareTo(b.Date));
        };
}
