using System.Linq;
using FastTrack.Core.Measurement;

namespace FastTrack.Core.AdoptionReports;

// What each sheet holds: the same facts as the page, as values a spreadsheet can sort, filter and chart.
public static partial class ExcelAdoptionReport
{
    private static readonly string[] DataColumns =
    {
        "TenantId", "Customer", "Service", "AsOf", "ActiveUsers", "Denominator", "Basis", "ActiveUsagePercent", "TargetPercent", "MeetsTarget",
    };

    private static ExcelSheet Portfolio(AdoptionReport report, string name)
    {
        var sheet = new ExcelSheet(name);
        sheet.Header("Customer", "Risk", "Risk score", "Phase", "CSM", "Services at target", "Open blockers", "Why at risk", "Next action");
        foreach (var s in report.Customers)
        {
            sheet.Values(s.Plan.Customer, s.Risk.RiskLevel.ToString(), s.Risk.RiskScore, s.Plan.Phase.ToString(), s.Plan.Csm?.Name,
                $"{s.ServicesAtTarget} of {s.Services.Count}", s.OpenBlockers.Count, string.Join("; ", s.Risk.Reasons.Select(r => r.Text)),
                s.Advice.Actions.FirstOrDefault()?.Title);
        }
        return sheet;
    }

    private static ExcelSheet Customer(CustomerSection s, string name)
    {
        var sheet = new ExcelSheet(name);
        sheet.Title(s.Plan.Customer);
        sheet.Values("Tenant", s.Plan.TenantId.ToString());
        sheet.Values("Phase", s.Plan.Phase.ToString());
        sheet.Values("CSM", s.Plan.Csm?.Name ?? "none assigned");
        sheet.Values("Risk", $"{s.Risk.RiskLevel} ({s.Risk.RiskScore})");
        Section(sheet, "Active usage", new[] { "Service", "AU %", "As of", "Target %", "Met", "Forecast" },
            s.Services.Select(v => new object?[] { v.Name, v.Percent, v.AsOf, v.Target, v.MeetsTarget, v.Forecast?.ToString() }));
        Section(sheet, "Trend", new[] { "Service", "As of", "AU %", "Active users", "Of", "Basis" },
            s.Histories.SelectMany(h => h.Snapshots.Select(p => new object?[] { p.Service.ToString(), p.AsOf, p.ActiveUsagePercent, p.ActiveUsers, p.Denominator, p.Basis.ToString() })));
        Section(sheet, "FTOP tasks", new[] { "Task", "Service", "Name", "Applicability", "Status", "Due", "Owner" },
            s.Tasks.Select(t => new object?[] { t.TaskId, t.Service.ToString(), t.Name, t.Applicability.ToString(), t.Status.ToString(), t.Due, t.Owner }));
        Section(sheet, "Open blockers", new[] { "Blocker", "Service", "Description", "Opened", "Owner" },
            s.OpenBlockers.Select(b => new object?[] { b.Id, b.Service?.ToString() ?? "(any)", b.Description, b.Opened, b.Owner }));
        Section(sheet, "Success criteria", new[] { "Criterion", "Result", "Gates promotion", "Evidence" },
            s.Advice.Criteria.Select(c => new object?[] { c.Id, c.Result.ToString(), c.Gates, c.Evidence }));
        Section(sheet, "Risk reasons", new[] { "Weight", "Reason", "Source" },
            s.Risk.Reasons.Select(r => new object?[] { r.Weight, r.Text, r.Source }));
        return sheet;
    }

    private static void Section(ExcelSheet sheet, string title, string[] headings, System.Collections.Generic.IEnumerable<object?[]> rows)
    {
        sheet.Blank();
        sheet.Title(title);
        sheet.Header(headings);
        var any = false;
        foreach (var row in rows)
        {
            sheet.Values(row);
            any = true;
        }
        if (!any) sheet.Values("(none)");
    }

    // One row per AU measurement of every customer, for Power BI: the history, as saved.
    private static ExcelSheet Data(AdoptionReport report, string name)
    {
        var sheet = new ExcelSheet(name);
        sheet.Header(DataColumns);
        foreach (var s in report.Customers)
        {
            foreach (var snapshot in s.Plan.UsageHistory.OrderBy(u => u.Service).ThenBy(u => u.AsOf))
            {
                var target = s.Plan.Service(snapshot.Service).TargetAU;
                sheet.Values(s.Plan.TenantId.ToString(), s.Plan.Customer, snapshot.Service.ToString(), snapshot.AsOf, snapshot.ActiveUsers, snapshot.Denominator,
                    snapshot.Basis.ToString(), snapshot.ActiveUsagePercent, target, snapshot.ActiveUsagePercent is { } p ? p >= target : (bool?)null);
            }
        }
        return sheet;
    }
}
