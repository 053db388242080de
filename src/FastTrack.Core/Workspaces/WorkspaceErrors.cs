using System;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Workspaces;

/// <summary>Every error of finding, locking and writing the workspace: one id (the method's name) and one text each.</summary>
public static class WorkspaceErrors
{
    public static FtError WorkspaceNotFound(string root) => new(nameof(WorkspaceNotFound), FtErrorKind.ObjectNotFound, root,
        $"The workspace '{root}' does not exist. Check -Workspace (or $env:{Workspace.EnvironmentVariable}) and that its share is mounted; " +
        "New-FtCustomerPlan creates a workspace with its first plan.");

    /// <summary>A path that cannot be a workspace; <paramref name="shown"/> is the path as the user gave it, shortened.</summary>
    public static FtError WorkspaceInvalid(string? shown, string why) => new(nameof(WorkspaceInvalid), FtErrorKind.InvalidArgument, shown,
        $"The workspace '{shown?.Replace("\0", "\\0")}' cannot be used: {why}. Give -Workspace (or ${Workspace.EnvironmentVariable}) the path of a folder, or a container URL " +
        "(https://<account>.blob.core.windows.net/<container>).");

    public static FtError WorkspaceNotWritable(string path, string why) => new(nameof(WorkspaceNotWritable), FtErrorKind.WriteError, path,
        $"'{path}' could not be written: {why}. Nothing was changed: the previous version of the plan is intact.");

    public static FtError PlanLocked(string what, string owner, TimeSpan waited) => new(nameof(PlanLocked), FtErrorKind.ResourceBusy, what,
        $"{what} is being changed by {owner}; gave up after {waited.TotalSeconds:0.#} s. " +
        "Try again when that change is done, or give more time with -LockTimeout.");

    /// <summary>This runner's claim on a plan lapsed before it saved the run (it was stalled past the lease):
    /// another runner may be running the plan, so this run is not saved.</summary>
    public static FtError RunClaimLost(Guid tenantId, string customer) => new(nameof(RunClaimLost), FtErrorKind.ResourceBusy, tenantId,
        $"This runner's claim on the plan of {customer} lapsed before its run was saved (the machine or the network stalled past the " +
        "claim's lease), so another runner may be running it: this run was not saved. The next run completes it if no runner did.");
}
