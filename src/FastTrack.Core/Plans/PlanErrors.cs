using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>Every error of reading, storing and changing a plan: one id (the method's name) and one text each.
/// A plan file that cannot be read is left untouched, and the message says where its previous version is.</summary>
public static class PlanErrors
{
    /// <summary>No plan for a tenant, a domain or a customer name (<paramref name="what"/>: "tenant …", "the customer '…'").</summary>
    public static FtError PlanNotFound(object target, string what) => new(nameof(PlanNotFound), FtErrorKind.ObjectNotFound, target,
        $"There is no plan for {what} in this workspace. List the plans with Get-FtCustomerPlan, create one with New-FtCustomerPlan, or check -Workspace.");

    public static FtError PlanExists(Guid tenantId) => new(nameof(PlanExists), FtErrorKind.ResourceExists, tenantId,
        $"Tenant {tenantId} already has a plan. Change it with Set-FtCustomerPlan, or remove it first.");

    public static FtError PlanChanged(CustomerPlan stored, long basedOnRevision) => new(nameof(PlanChanged), FtErrorKind.InvalidOperation, stored.TenantId,
        $"The plan of {stored.Customer} was saved as revision {stored.Revision} by {stored.ModifiedBy ?? "someone"} at {stored.Modified:yyyy-MM-dd HH:mm} " +
        $"since you read revision {basedOnRevision}. Read it again (Get-FtCustomerPlan) and redo the change, or use -Force to apply it to the latest revision.");

    /// <summary>A plan file that cannot be opened or parsed; <paramref name="where"/> is " (line n, position m)" or empty.</summary>
    public static FtError PlanUnreadable(string path, string where, string reason, FtErrorKind kind = FtErrorKind.InvalidData) => new(nameof(PlanUnreadable), kind, path,
        $"The plan file '{path}' cannot be read{where}: {reason}. It was left untouched; fix it, or restore the previous version from '{path}.bak'.");

    /// <summary>A plan file that parses but holds a value no rule can work with (see <see cref="PlanValueErrors"/>).</summary>
    public static FtError PlanInvalid(string path, FtError problem) => new(nameof(PlanInvalid), FtErrorKind.InvalidData, path,
        $"The plan file '{path}' holds a value the module cannot work with: {problem.Message} It was left untouched; " +
        $"fix it, or restore the previous version from '{path}.bak'.");

    public static FtError PlanSchemaTooNew(string path, int version) => new(nameof(PlanSchemaTooNew), FtErrorKind.InvalidData, path,
        $"The plan file '{path}' has schema version {version}, written by a newer FastTrack.PowerShell; this one reads up to {CustomerPlan.CurrentSchemaVersion}. " +
        "Update the module (Update-Module FastTrack.PowerShell). The file was left untouched.");

    public static FtError BlockerNotFound(CustomerPlan plan, int id) => new(nameof(BlockerNotFound), FtErrorKind.ObjectNotFound, id,
        $"The plan of {plan.Customer} has no blocker #{id}. List them with Get-FtBlocker.");

    public static FtError BlockerAlreadyResolved(CustomerPlan plan, Blocker blocker) => new(nameof(BlockerAlreadyResolved), FtErrorKind.InvalidOperation, blocker.Id,
        $"Blocker #{blocker.Id} of {plan.Customer} was already resolved on {blocker.Resolved:yyyy-MM-dd}: {blocker.Resolution}");

    public static FtError SuccessMetricTargetMissing(CustomerPlan plan, string name) => new(nameof(SuccessMetricTargetMissing), FtErrorKind.InvalidArgument, name,
        $"The plan of {plan.Customer} has no success metric '{name}' yet: give its -Target to add it.");

    public static FtError CheckInNotFound(CustomerPlan plan, int id) => new(nameof(CheckInNotFound), FtErrorKind.ObjectNotFound, id,
        $"The plan of {plan.Customer} has no check-in #{id}. List them with Get-FtCheckIn.");

    public static FtError CheckInInFuture(CustomerPlan plan, CheckIn checkIn, CheckInStatus status) => new(nameof(CheckInInFuture), FtErrorKind.InvalidOperation, checkIn.Id,
        $"Check-in #{checkIn.Id} of {plan.Customer} is on {checkIn.Date:yyyy-MM-dd}: it cannot be recorded as {status} before it takes place.");

    public static FtError NotApplicableReasonRequired(CustomerPlan plan, TaskProgress task) => new(nameof(NotApplicableReasonRequired), FtErrorKind.InvalidArgument, task.TaskId,
        $"Marking task {task.TaskId} ({task.Service}) of {plan.Customer} not applicable needs a -Reason, kept in the plan: a mandatory task counts as closed only with one.");

    public static FtError TaskNotForService(CustomerPlan plan, int taskId, IEnumerable<M365Service> keptFor, M365Service asked) => new(nameof(TaskNotForService), FtErrorKind.InvalidArgument, taskId,
        $"FTOP task {taskId} of {plan.Customer} is kept for {string.Join(", ", keptFor)}, not for {asked}.");

    public static FtError TaskServiceRequired(CustomerPlan plan, int taskId, IEnumerable<M365Service> keptFor) => new(nameof(TaskServiceRequired), FtErrorKind.InvalidArgument, taskId,
        $"FTOP task {taskId} of {plan.Customer} is kept for several services ({string.Join(", ", keptFor)}): name one with -Service.");
}
