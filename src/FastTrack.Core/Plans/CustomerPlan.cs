using System;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>The customer success plan (CSP) of one tenant: what the playbook runs against.
/// Stored as one JSON document per tenant (see <see cref="PlanStore"/>).</summary>
public sealed class CustomerPlan
{
    /// <summary>The document format this build writes; older files are migrated on read.</summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>Internal on purpose: PowerShell would otherwise turn any object with a TenantId property
    /// into an empty plan when binding pipeline input by value. Use <see cref="New"/>.</summary>
    internal CustomerPlan() { }

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    /// <summary>Moves on every save; a change based on an older revision is refused unless forced.</summary>
    public long Revision { get; set; }
    public Guid TenantId { get; set; }
    public string? PrimaryDomain { get; set; }
    /// <summary>The domains of the users in the reports measured into this plan: a later folder of another
    /// organisation's reports is refused by them (OrganisationCheck).</summary>
    public JoinedList<string> ReportDomains { get; set; } = new();
    public string Customer { get; set; } = "";
    public CustomerSegment Segment { get; set; } = CustomerSegment.Enterprise;
    public Contact? Csm { get; set; }
    public Contact? FastTrackManager { get; set; }
    public PlanPhase Phase { get; set; } = PlanPhase.SuccessExecution;
    /// <summary>When the customer means to reach its goals: check-ins are scheduled up to it.</summary>
    public DateTime? TargetDate { get; set; }
    public JoinedList<PlannedService> Services { get; set; } = new();
    public JoinedList<SuccessMetric> SuccessMetrics { get; set; } = new();
    public ProgramDecisions Programs { get; set; } = new();
    public JoinedList<TaskProgress> Tasks { get; set; } = new();
    public JoinedList<Blocker> Blockers { get; set; } = new();
    public JoinedList<TrainingRecord> Training { get; set; } = new();
    public JoinedList<CheckIn> CheckIns { get; set; } = new();
    /// <summary>When and how the customer was shown to track adoption itself.</summary>
    public JoinedList<TrackingEvidence> Tracking { get; set; } = new();
    /// <summary>The share of a service's licensed users its training must reach, in percent; null means
    /// the catalogue's reading (10%).</summary>
    public double? TrainingReachTarget { get; set; }
    public JoinedList<PhaseChange> PhaseHistory { get; set; } = new();
    /// <summary>Saved AU measurements, oldest first: one per service, report date and basis.</summary>
    public JoinedList<UsageSnapshot> UsageHistory { get; set; } = new();
    /// <summary>How the nightly run signs in to this tenant when no connection is open (schema 3); never a secret.</summary>
    public Connections.ConnectionProfile? ConnectionProfile { get; set; }
    /// <summary>The last Invoke-FtSuccessExecution run, for "what changed since".</summary>
    public ExecutionRun? LastRun { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Modified { get; set; }
    public string? ModifiedBy { get; set; }

    public JoinedList<Blocker> OpenBlockers => Blockers.Where(b => b.IsOpen).ToJoinedList();
    public JoinedList<M365Service> IntendedServices => Services.Where(s => s.Intended).Select(s => s.Service).ToJoinedList();

    /// <summary>The plan's entry for a service (every catalogue service has one).</summary>
    public PlannedService Service(M365Service service) => Services.First(s => s.Service == service);

    /// <summary>The basis a service's saved AU is read on: the plan's basis for it when a snapshot was saved
    /// on it, else the basis of its newest snapshot. The rules and the history both use this one choice.</summary>
    public UsageBasis HistoryBasis(M365Service service)
    {
        var basis = Services.FirstOrDefault(s => s.Service == service)?.Basis ?? UsageBasis.PaidUnits;
        var ofService = UsageHistory.Where(u => u.Service == service).ToList();
        return ofService.Count == 0 || ofService.Any(u => u.Basis == basis) ? basis : ofService.OrderBy(u => u.AsOf).Last().Basis;
    }

    /// <summary>The newest saved AU of a service on its history basis, or null before the first measurement.</summary>
    public UsageSnapshot? LatestUsage(M365Service service)
    {
        var basis = HistoryBasis(service);
        return UsageHistory.Where(u => u.Service == service && u.Basis == basis).OrderBy(u => u.AsOf).LastOrDefault();
    }

    /// <summary>The progress of a task for a service; created on first use for a service the plan has no
    /// entry for yet (a task that can apply to more than one service).</summary>
    public TaskProgress Task(int taskId, M365Service service)
    {
        var progress = Tasks.FirstOrDefault(t => t.TaskId == taskId && t.Service == service);
        if (progress is null)
        {
            progress = new TaskProgress { TaskId = taskId, Service = service };
            Tasks.Add(progress);
        }
        return progress;
    }

    /// <summary>The progress of a task for a service, without adding an entry.</summary>
    public TaskProgress? FindTask(int taskId, M365Service service) => Tasks.FirstOrDefault(t => t.TaskId == taskId && t.Service == service);

    /// <summary>A new plan with an entry for every service and FTOP task of the catalogue.</summary>
    public static CustomerPlan New(PlaybookCatalog catalog, Guid tenantId, string customer, DateTimeOffset now)
    {
        return new CustomerPlan
        {
            TenantId = tenantId,
            Customer = customer,
            Created = now,
            Modified = now,
            Services = catalog.Services.Select(s => new PlannedService
            {
                Service = s.Id,
                TargetAU = catalog.ActiveUsageGoalPercent,
            }).ToJoinedList(),
            Tasks = catalog.Tasks.Select(t => new TaskProgress { TaskId = t.Id, Service = t.Service }).ToJoinedList(),
        };
    }

    /// <summary>Fills what a file written by an older catalogue lacks (a service or task added since).</summary>
    internal void CompleteFrom(PlaybookCatalog catalog)
    {
        foreach (var service in catalog.Services.Where(s => Services.All(p => p.Service != s.Id)))
            Services.Add(new PlannedService { Service = service.Id, TargetAU = catalog.ActiveUsageGoalPercent });
        foreach (var task in catalog.Tasks.Where(t => FindTask(t.Id, t.Service) is null))
            Tasks.Add(new TaskProgress { TaskId = task.Id, Service = task.Service });
    }

    public override string ToString() => $"{Customer} ({TenantId})";
}
