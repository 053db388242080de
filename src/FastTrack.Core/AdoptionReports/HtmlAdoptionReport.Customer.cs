using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Core.Rules;
using static FastTrack.Core.AdoptionReports.HtmlText;

namespace FastTrack.Core.AdoptionReports;

/// <summary>One customer's section of the page: its facts, its charts, what to do next and its records.</summary>
public static partial class HtmlAdoptionReport
{
    private static void Customer(StringBuilder w, CustomerSection s)
    {
        w.Append("<section class=\"customer\" id=\"").Append(s.Anchor).Append("\"><h2>").Append(E(s.Plan.Customer)).Append("</h2>");
        Facts(w, s);
        ActiveUsage(w, s);
        Trends(w, s);
        NextActions(w, s);
        Tasks(w, s);
        OpenBlockers(w, s);
        CheckIns(w, s);
        SuccessCriteria(w, s);
        w.Append("</section>\n");
    }

    private static void Facts(StringBuilder w, CustomerSection s)
    {
        var plan = s.Plan;
        w.Append("<dl class=\"facts\">");
        Fact(w, "Tenant", plan.TenantId.ToString());
        Fact(w, "Phase", plan.Phase.ToString());
        Fact(w, "CSM", plan.Csm?.Name ?? "none assigned");
        Fact(w, "CSM owns", s.HandedToCsm.Count == 0 ? "no workload yet" : string.Join(", ", s.HandedToCsm));
        Fact(w, "Target date", plan.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set");
        Fact(w, "Services at target", $"{s.ServicesAtTarget} of {s.Services.Count}");
        w.Append("</dl>");
    }

    private static void Fact(StringBuilder w, string name, string value) =>
        w.Append("<div><dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static void NextActions(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Next actions</h3>");
        if (s.Advice.Actions.Count == 0)
        {
            w.Append("<p class=\"none\">Nothing to do now.</p>");
            return;
        }
        w.Append("<ol class=\"actions\">");
        foreach (var action in s.Advice.Actions)
            w.Append("<li><strong>").Append(E(action.Title)).Append("</strong> <span class=\"why\">— ").Append(E(action.Why)).Append("</span></li>");
        w.Append("</ol>");
    }

    private static void Tasks(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>FTOP tasks</h3>");
        Table(w, new[] { "Task", "Service", "M/O", "Status", "Owner", "Due", "Note" }, s.Tasks.Select(t => new HtmlCell[]
        {
            $"{t.TaskId} {t.Name}", t.Service.ToString(), t.Applicability == Applicability.Mandatory ? "Mandatory" : "Optional", t.Status.ToString(),
            t.Owner ?? "", t.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", t.Note ?? "",
        }), "No task applies yet.");
    }

    private static void OpenBlockers(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Open blockers</h3>");
        Table(w, new[] { "#", "Service", "Opened", "Owner", "Blocker" }, s.OpenBlockers.Select(b => new HtmlCell[]
        {
            b.Id.ToString(CultureInfo.InvariantCulture), b.Service?.ToString() ?? "any", b.Opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.Owner ?? "", b.Description,
        }), "No open blocker.");
    }

    private static void CheckIns(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Check-ins</h3>");
        if (s.Cadence is { } cadence) w.Append("<p class=\"cadence\">").Append(E(cadence.Evidence)).Append("</p>");
        Table(w, new[] { "#", "When", "Status", "Services", "Notes" }, s.CheckIns.Select(ci => new HtmlCell[]
        {
            ci.Id.ToString(CultureInfo.InvariantCulture), ci.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ci.Status.ToString(), string.Join(", ", ci.Services), ci.Notes ?? "",
        }), "No check-in scheduled: New-FtCheckInSchedule plans them.");
    }

    private static void SuccessCriteria(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Success criteria</h3>");
        Table(w, new[] { "Criterion", "Result", "Evidence" }, s.Advice.Criteria.Select(cr => new HtmlCell[]
        {
            cr.Text, cr.Result switch { CriterionResult.Pass => "✓ Pass", CriterionResult.Fail => "✗ Fail", CriterionResult.NotApplicable => "– Not applicable", _ => "? Unknown" }, cr.Evidence,
        }), "No criterion.");
    }
}
