using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Issue 17 made the plan's lists JoinedLists, which read as their items in a CSV. The plan file stays as
/// it was: a file written before the change (TestData/plans-v2) reads into them and is written back unchanged, but for
/// its schema version (schema 3 only adds the optional connection profile of issue 19).</summary>
public sealed class PlanFileFormatTests
{
    private static readonly string FullPlanPath = TestData.Path("plans-v2", "contoso-full.json");

    private static string FullPlanText => File.ReadAllText(FullPlanPath).Replace("\r\n", "\n");

    private static CustomerPlan FullPlan => PlanSerializer.Deserialize(FullPlanText, FullPlanPath);

    [Fact]
    public void A_full_plan_file_written_before_is_written_back_unchanged()
    {
        var written = PlanSerializer.Serialize(FullPlan).Replace("\r\n", "\n");
        Assert.Equal(FullPlanText.Replace("\"schemaVersion\": 2,", $"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion},"), written);
    }

    [Fact]
    public void Every_list_of_the_plan_reads_back_as_a_JoinedList_of_its_items()
    {
        var plan = FullPlan;
        Assert.IsType<JoinedList<Blocker>>(plan.Blockers);
        Assert.Equal("#1 Proxy blocks Teams, #2 No champions", plan.Blockers.ToString());
        Assert.Equal("contoso.com", plan.ReportDomains.ToString());
        Assert.Equal("Teams, OneDrive", plan.IntendedServices.ToString());
        Assert.Equal("#1 Proxy blocks Teams", plan.OpenBlockers.ToString());
        Assert.Equal("Teams, OneDrive", plan.Tracking[0].Services.ToString());
        Assert.Equal("OneDrive", plan.CheckIns[0].Services.ToString());
        Assert.Equal(9, plan.CheckIns.Count);
        Assert.Equal("ServicesEnabledAndCommunicated, SuccessGoalsTracked", plan.LastRun!.CriteriaPassed.ToString());
    }

    [Fact]
    public void The_parts_of_a_plan_read_as_their_key_facts()
    {
        var plan = FullPlan;
        Assert.Equal("OneDrive adoption: Accepted; service acceleration: Teams, SharePoint", plan.Programs.ToString());
        Assert.Equal("OneDrive adoption: Undecided", new ProgramDecisions().ToString());
        Assert.Equal("2026-10-05 OneDrive: Finance (12 attendees)", plan.Training.ToString());
        Assert.Equal("2026-10-05 OneDrive: Finance", new TrainingRecord { Service = M365Service.OneDrive, Date = new DateTime(2026, 10, 5), Audience = "Finance" }.ToString());
        Assert.Equal("SuccessExecution to SuccessReview on 2026-11-30 by root (forced: Agreed with the CSM)", plan.PhaseHistory.ToString());
        Assert.Equal("2026-11-30 04:10: 9 next actions; criteria passed: ServicesEnabledAndCommunicated, SuccessGoalsTracked", plan.LastRun!.ToString());
        Assert.Equal("3740 OneDrive - Conduct OneDrive Adoption Program Introduction", plan.LastRun.Actions[0].ToString());
        Assert.Equal($"Teams 2026-11-28 {30.1:0.0}%, OneDrive 2026-11-28 {8.1:0.0}%", plan.LastRun.Usage.ToString());
        Assert.Equal($"Teams 2026-11-28 {30.1:0.0}%, OneDrive 2026-11-28 {8.1:0.0}%", plan.UsageHistory.ToString());
    }
}
