using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Workflow;

/// <summary>Turns the plans' upcoming check-ins into calendar events with their agendas.</summary>
public static class CheckInCalendar
{
    public static IReadOnlyList<CalendarEvent> Events(IEnumerable<CustomerPlan> plans, PlaybookCatalog catalog, DateTime from, DateTime today)
    {
        var events = new List<CalendarEvent>();
        foreach (var plan in plans)
        {
            var advice = PlanAdvice.For(plan, catalog, today, CultureInfo.CurrentUICulture);
            foreach (var checkIn in plan.CheckIns.Where(c => c.Date >= from).OrderBy(c => c.Date))
            {
                events.Add(new CalendarEvent
                {
                    Uid = $"{plan.TenantId:D}-{checkIn.Date:yyyyMMddTHHmm}@fasttrack-powershell",
                    Start = new DateTimeOffset(DateTime.SpecifyKind(checkIn.Date, DateTimeKind.Local)),
                    Duration = TimeSpan.FromMinutes(checkIn.DurationMinutes),
                    Summary = $"FastTrack success check-in: {plan.Customer}",
                    Description = string.Join("\n", CheckInAgenda.For(advice, checkIn)),
                    Categories = new[] { "FastTrack" }.Concat(checkIn.Services.Select(s => s.ToString())).ToList(),
                });
            }
        }
        return events;
    }
}
