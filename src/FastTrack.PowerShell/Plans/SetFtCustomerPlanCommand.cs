using System;
using System.Management.Automation;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Set, "FtCustomerPlan", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class SetFtCustomerPlanCommand : FtPlanChangeCmdlet
{
    [Parameter] [ValidateNotNullOrEmpty] public string? Customer { get; set; }
    [Parameter] [Alias("Domain")] public string? PrimaryDomain { get; set; }
    [Parameter] public CustomerSegment? Segment { get; set; }
    [Parameter] public string? CsmName { get; set; }
    [Parameter] public string? CsmEmail { get; set; }
    [Parameter] public string? FastTrackManagerName { get; set; }
    [Parameter] public string? FastTrackManagerEmail { get; set; }
    [Parameter] public PlanPhase? Phase { get; set; }
    [Parameter] public DateTime? TargetDate { get; set; }
    /// <summary>The share of a service's licensed users its training must reach, in percent.</summary>
    [Parameter] [ValidateRange(0, 100)] public double? TrainingReachTarget { get; set; }

    /// <summary>The services that -Intended, -EnabledOn, -CommunicatedOn, -BaselineAU, -TargetAU and -Basis apply to.</summary>
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }
    [Parameter] public bool? Intended { get; set; }
    [Parameter] public DateTime? EnabledOn { get; set; }
    [Parameter] public DateTime? CommunicatedOn { get; set; }
    [Parameter] public double? BaselineAU { get; set; }
    [Parameter] public double? TargetAU { get; set; }
    [Parameter] public UsageBasis? Basis { get; set; }

    [Parameter] public ProgramDecision? OneDriveAdoptionProgram { get; set; }
    [Parameter] [PSDefaultValue(Help = "Today, when -OneDriveAdoptionProgram is Accepted or Declined")] public DateTime? OneDriveAdoptionDecidedOn { get; set; }
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] [AllowEmptyCollection] public string[]? ServiceAcceleration { get; set; }

    /// <summary>How the nightly run signs in to the tenant (a ConnectionProfile, or a hashtable of its properties);
    /// never a secret: a client secret is named by where it is read at run time.</summary>
    [Parameter] public Core.Connections.ConnectionProfile? ConnectionProfile { get; set; }
    [Parameter] public SwitchParameter RemoveConnectionProfile { get; set; }

    /// <summary>An enabled date found by Find-FtKeyInput, piped in: sets its service's date and records where it was found.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = ByTenant)] public KeyInputProposal? KeyInput { get; set; }

    protected override void ProcessRecord()
    {
        if (KeyInput is { Changes: false } unchanged)
        {
            WriteVerbose($"{unchanged.Customer} {unchanged.Service}: nothing to set ({unchanged.Status}).");
            return;
        }
        var update = new PlanUpdate
        {
            Customer = Customer,
            PrimaryDomain = PrimaryDomain,
            Segment = Segment,
            CsmName = CsmName,
            CsmEmail = CsmEmail,
            FastTrackManagerName = FastTrackManagerName,
            FastTrackManagerEmail = FastTrackManagerEmail,
            Phase = Phase,
            TargetDate = TargetDate,
            TrainingReachTarget = TrainingReachTarget,
            Services = Service is null ? null : ResolveServices(Service),
            Intended = Intended,
            EnabledOn = EnabledOn,
            CommunicatedOn = CommunicatedOn,
            BaselineAU = BaselineAU,
            TargetAU = TargetAU,
            Basis = Basis,
            OneDriveAdoptionProgram = OneDriveAdoptionProgram,
            OneDriveAdoptionDecidedOn = OneDriveAdoptionDecidedOn,
            ServiceAcceleration = ServiceAcceleration is null ? null : ResolveServices(ServiceAcceleration),
            ConnectionProfile = ConnectionProfile,
            RemoveConnectionProfile = RemoveConnectionProfile,
        };
        if (update.ChangesServices && update.Services is null)
        {
            ThrowFtError(CmdletErrors.ServiceRequired());
        }
        _ = ChangePlan("Update customer success plan", plan =>
        {
            update.ApplyTo(plan, Context.Today);
            KeyInput?.ApplyTo(plan, Force);
        });
    }
}
