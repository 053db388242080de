using System.Globalization;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Tests.Playbook;

/// <summary>The catalogue against the playbook page, section by section and task by task, in English
/// (the original) and in Spanish (the seed page).</summary>
public sealed class CatalogMatchesPageTests
{
    private sealed record PageCase(string Culture, string KeyInputsHeading, string KeyOutcomesHeading);

    private static readonly Dictionary<string, PageCase> Cases = new()
    {
        ["success-support-success-execution-partner.md"] = new("en-US", "Key Inputs", "Key Outputs"),
        ["support-success-execution.es.md"] = new("es-ES", "Entradas clave", "Resultados clave"),
    };

    public static TheoryData<string> Pages => new(Cases.Keys);

    private static readonly PlaybookCatalog Catalog = PlaybookCatalog.Default;

    [Theory]
    [MemberData(nameof(Pages))]
    public void Activities_match_the_page_sections_in_order_with_role_motions_and_services(string file)
    {
        var culture = CultureInfo.GetCultureInfo(Cases[file].Culture);
        var page = PlaybookPage.Read(TestData.Path("playbook", file));
        Assert.Equal(page.Sections.Select(s => s.Heading), Catalog.Activities.Select(a => a.Name(culture)));
        foreach (var (section, activity) in page.Sections.Zip(Catalog.Activities))
        {
            Assert.Equal(section.Role, Catalog.RoleName(activity.RoleId, culture));
            Assert.Equal(section.Motions, Catalog.Motions(culture));
            var allServices = section.AppliesTo is "All Services" or "Todos los servicios";
            Assert.Equal(allServices, activity.AppliesToAllServices);
            if (!allServices)
            {
                var named = section.AppliesTo.Split('/').SelectMany(n => Resolve(n)).OrderBy(s => s);
                Assert.Equal(named, activity.AppliesTo.OrderBy(s => s));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_activity_rule_states_every_sentence_of_its_section(string file)
    {
        var culture = CultureInfo.GetCultureInfo(Cases[file].Culture);
        var page = PlaybookPage.Read(TestData.Path("playbook", file));
        foreach (var (section, activity) in page.Sections.Zip(Catalog.Activities))
        {
            var rule = PlaybookPage.Normalize(activity.Rule(culture));
            Assert.All(section.Body, line => Assert.Contains(line.TrimEnd('.'), rule));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Tasks_match_the_page_tables_task_by_task(string file)
    {
        var culture = CultureInfo.GetCultureInfo(Cases[file].Culture);
        var page = PlaybookPage.Read(TestData.Path("playbook", file));
        var rows = page.Sections.SelectMany(s => s.Tasks.Select(t => (Section: s, Row: t))).ToList();
        Assert.Equal(rows.Select(r => r.Row.Id), Catalog.Tasks.Select(t => t.Id));
        foreach (var (section, row) in rows)
        {
            var task = Catalog.Task(row.Id)!;
            Assert.Equal(row.Name, task.Name(culture));
            Assert.Equal(row.Requirement == "M", task.Mandatory);
            Assert.Equal(row.Role, Catalog.RoleName(task.RoleId, culture));
            Assert.Equal(new[] { task.Service }, Resolve(row.Services));
            Assert.Equal(section.Heading, Catalog.Activity(task.ActivityId).Name(culture));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Key_inputs_and_outcomes_are_the_page_s_lists(string file)
    {
        var culture = CultureInfo.GetCultureInfo(Cases[file].Culture);
        var page = PlaybookPage.Read(TestData.Path("playbook", file));
        Assert.Equal(page.Lists[Cases[file].KeyInputsHeading], Catalog.KeyInputs.Select(k => k.Text(culture)));
        Assert.Equal(page.Lists[Cases[file].KeyOutcomesHeading], Catalog.KeyOutcomes.Select(k => k.Text(culture)));
    }

    [Fact]
    public void The_goal_is_ten_percent_active_usage_over_28_days_and_the_next_step_is_task_3735()
    {
        Assert.Equal(10, Catalog.ActiveUsageGoalPercent);
        Assert.Equal(28, Catalog.ActiveUsageWindowDays);
        Assert.Contains("10% AU", Catalog.KeyOutcomes.Single(k => k.Id == "ActiveUsageGoalMet").Text(CultureInfo.InvariantCulture));
        Assert.Equal(3735, Catalog.NextStep.TaskId);
        Assert.Equal("Conduct Success Review", Catalog.NextStep.Process(CultureInfo.InvariantCulture));
        Assert.Equal("Llevar a cabo análisis de éxito", Catalog.NextStep.Process(CultureInfo.GetCultureInfo("es")));
    }

    [Fact]
    public void Task_3650_keeps_its_earlier_name_for_readers_of_older_pages()
    {
        var task = Catalog.Task(3650)!;
        Assert.Equal(M365Service.Microsoft365Apps, task.Service);
        Assert.Contains("Office ProPlus - OPP Acceleration", task.FormerNames);
    }

    [Fact]
    public void The_handshake_suppresses_check_ins_and_tracking_for_the_modern_comms_workloads_only()
    {
        var handshake = Catalog.Activity("CsmHandshake");
        Assert.Equal(new[] { "ScheduleCheckIns", "TrackAdoptionProgress" }, handshake.SuppressesForSameWorkload);
        Assert.Equal(new[] { M365Service.OutlookMobile, M365Service.Teams, M365Service.Yammer }.OrderBy(s => s), handshake.AppliesTo.OrderBy(s => s));
        Assert.Equal(handshake.AppliesTo.OrderBy(s => s), Catalog.Services.Where(s => s.IsModernComms).Select(s => s.Id).OrderBy(s => s));
    }

    private static IReadOnlyList<M365Service> Resolve(string name)
    {
        var outcome = ServiceNames.Resolve(Catalog, name);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        return outcome.Value!;
    }
}
