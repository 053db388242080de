using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Workflow;

/// <summary>Every error of the playbook's steps (promotion to the success review, the CSM handshake, planning
/// check-ins): one id (the method's name) and one text each, saying what the plan lacks.</summary>
public static class WorkflowErrors
{
    public static FtError AlreadyPromoted(CustomerPlan plan) => new(nameof(AlreadyPromoted), FtErrorKind.InvalidOperation, plan.TenantId,
        $"{plan.Customer} is already in the {plan.Phase} phase.");

    public static FtError SuccessCriteriaNotMet(CustomerPlan plan, IEnumerable<SuccessCriterion> failing) => new(nameof(SuccessCriteriaNotMet), FtErrorKind.InvalidOperation, plan.TenantId,
        $"{plan.Customer} cannot move to the success review yet: " +
        string.Join("; ", failing.Select(c => $"{c.Id} is {c.Result} ({c.Evidence})")) +
        ". Meet them, or use -Force with -Reason to record why the customer moves on anyway.");

    public static FtError ReasonRequired(CustomerPlan plan, int failing) => new(nameof(ReasonRequired), FtErrorKind.InvalidArgument, plan.TenantId,
        $"Forcing {plan.Customer} to the success review with {failing} criteria not met needs a -Reason, kept in the plan.");

    public static FtError NoCsmAssigned(CustomerPlan plan) => new(nameof(NoCsmAssigned), FtErrorKind.InvalidOperation, plan.TenantId,
        $"{plan.Customer} has no CSM assigned, so there is no one to hand over to. Assign one with Set-FtCustomerPlan -CsmName -CsmEmail.");

    public static FtError NotAHandshakeWorkload(M365Service workload, IEnumerable<M365Service> handshakeWorkloads) => new(nameof(NotAHandshakeWorkload), FtErrorKind.InvalidArgument, workload,
        $"{workload} is not a Modern Communications workload; the handshake is for {string.Join(", ", handshakeWorkloads)}.");

    public static FtError WorkloadNotEnabled(CustomerPlan plan, M365Service workload, string why) => new(nameof(WorkloadNotEnabled), FtErrorKind.InvalidOperation, workload,
        $"{plan.Customer}'s {workload} cannot be handed over: {why}.");

    public static FtError NoWorkloadToHandOver(CustomerPlan plan, IEnumerable<string> states) => new(nameof(NoWorkloadToHandOver), FtErrorKind.InvalidOperation, plan.TenantId,
        $"{plan.Customer} has no workload waiting for the handshake: {string.Join("; ", states)}.");

    public static FtError CheckInEndMissing(CustomerPlan plan) => new(nameof(CheckInEndMissing), FtErrorKind.InvalidArgument, plan.TenantId,
        $"Say until when to meet {plan.Customer}: give -Until, or set the plan's target date (Set-FtCustomerPlan -TargetDate).");

    public static FtError InvalidCadence(int everyDays) => new(nameof(InvalidCadence), FtErrorKind.InvalidArgument, everyDays,
        $"Check-ins need a cadence of at least one day (it was {everyDays}).");

    public static FtError NoCheckInServices(CustomerPlan plan, IEnumerable<string> why) => new(nameof(NoCheckInServices), FtErrorKind.InvalidOperation, plan.TenantId,
        $"No service of {plan.Customer} needs check-ins: {string.Join("; ", why)}");

    public static FtError TooManyCheckIns(DateTime last, int max) => new(nameof(TooManyCheckIns), FtErrorKind.InvalidArgument, last,
        $"That is more than {max} check-ins; choose a longer cadence or an earlier end.");
}
