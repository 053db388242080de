using System.Text;
using FastTrack.Core.Workflow;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Tests.Rules;
using static FastTrack.Core.Playbook.M365Service;

namespace FastTrack.Core.Tests.Calendar;

public sealed class CheckInCalendarTests
{
    private static PlanBuilder Customer() => new PlanBuilder().Csm().Live(Teams, OneDrive, SharePoint).AU(OneDrive, 6.2)
        .With(p => PlanChanges.AddBlocker(OneDrive, "Sync client, old; needs update", null, null, PlanBuilder.Today)(p))
        .With(p => p.Customer = "Contoso, Ltd; \"EMEA\"");

    [Fact]
    public void Check_ins_are_scheduled_every_two_weeks_until_the_end_for_services_not_handed_to_the_CSM()
    {
        var builder = Customer();
        CheckInScheduler.Schedule(PlaybookCatalog.Default, PlanBuilder.Today, new DateTime(2026, 12, 1), 14, new DateTime(2027, 1, 31), new TimeSpan(10, 0, 0), 30)(builder.Plan);
        Assert.Equal(new[] { new DateTime(2026, 12, 1, 10, 0, 0), new DateTime(2026, 12, 15, 10, 0, 0), new DateTime(2026, 12, 29, 10, 0, 0),
            new DateTime(2027, 1, 12, 10, 0, 0), new DateTime(2027, 1, 26, 10, 0, 0) }, builder.Plan.CheckIns.Select(c => c.Date));
        Assert.All(builder.Plan.CheckIns, c => Assert.Equal(new[] { OneDrive, SharePoint }, c.Services)); // Teams is the CSM's
        CheckInScheduler.Schedule(PlaybookCatalog.Default, PlanBuilder.Today, new DateTime(2026, 12, 1), 14, new DateTime(2027, 1, 31), new TimeSpan(10, 0, 0), 30)(builder.Plan);
        Assert.Equal(5, builder.Plan.CheckIns.Count); // scheduling again adds no duplicates
    }

    [Fact]
    public void Scheduling_needs_an_end_and_a_service_that_needs_check_ins()
    {
        var noEnd = Assert.Throws<FastTrack.Core.Errors.FtException>(() =>
            CheckInScheduler.Schedule(PlaybookCatalog.Default, PlanBuilder.Today, PlanBuilder.Today, 14, null, TimeSpan.Zero, 30)(Customer().Plan));
        Assert.Equal("CheckInEndMissing", noEnd.Error.ErrorId);
        var onlyCsm = new PlanBuilder().Csm().Live(Teams).Plan;
        var none = Assert.Throws<FastTrack.Core.Errors.FtException>(() =>
            CheckInScheduler.Schedule(PlaybookCatalog.Default, PlanBuilder.Today, PlanBuilder.Today, 14, PlanBuilder.Today.AddDays(30), TimeSpan.Zero, 30)(onlyCsm));
        Assert.Equal("NoCheckInServices", none.Error.ErrorId);
        Assert.Contains("Teams: Suppressed", none.Message);
    }

    [Fact]
    public void The_calendar_parses_back_with_Ical_Net_with_one_event_per_check_in_and_its_agenda()
    {
        var builder = Customer();
        CheckInScheduler.Schedule(PlaybookCatalog.Default, PlanBuilder.Today, new DateTime(2026, 12, 1), 14, new DateTime(2026, 12, 20), new TimeSpan(10, 0, 0), 45)(builder.Plan);
        var events = CheckInCalendar.Events(new[] { builder.Plan }, PlaybookCatalog.Default, PlanBuilder.Today, PlanBuilder.Today);
        var text = IcsWriter.Write(events, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First();
        Assert.Equal("FastTrack success check-in: Contoso, Ltd; \"EMEA\"", first.Summary);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Local).ToUniversalTime(), first.DtStart!.AsUtc);
        Assert.Equal(TimeSpan.FromMinutes(45), first.DtEnd!.AsUtc - first.DtStart.AsUtc);
        Assert.Contains("- OneDrive AU has not been measured (target 10%)", first.Description); // AU comes from the plan's saved history
        Assert.Contains("#1 OneDrive: Sync client, old; needs update", first.Description);
        Assert.Contains("SharePoint AU has not been measured", first.Description);
        Assert.Contains("OneDrive", first.Categories);

        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }
}
