using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>A cmdlet that works on the plans of a workspace: -Workspace (else $env:FASTTRACK_WORKSPACE,
/// else the per-user default), resolved once, against the PowerShell location like any -Path.</summary>
public abstract class FtWorkspaceCmdlet : FtCmdlet
{
    private Workspace? _workspace;
    private PlanStore? _store;
    private UsageSourceResolver? _sources;

    [Parameter]
    [ValidateNotNullOrEmpty]
    [PSDefaultValue(Help = "$env:FASTTRACK_WORKSPACE, else the per-user folder FastTrack.PowerShell under the local application data folder")]
    public string? Workspace { get; set; }

    /// <summary>Seconds to wait for another writer of the same plan before giving up.</summary>
    protected virtual TimeSpan LockWait => PlanStore.DefaultLockTimeout;

    /// <summary>The workspace of this call; a path that cannot be a workspace (NUL, too long, a file) stops the
    /// cmdlet with WorkspaceInvalid before anything is read or written.</summary>
    protected Workspace CurrentWorkspace => _workspace ??= Require(() => WorkspacePath.Resolve(SessionState, Workspace));

    protected PlanStore Store => _store ??= new PlanStore(CurrentWorkspace, Context.Catalog, LockWait, Context.Clock);

    /// <summary>Where usage data comes from, for this invocation's workspace and connections.</summary>
    protected UsageSourceResolver UsageSources => _sources ??= new UsageSourceResolver(Context.Connections, CurrentWorkspace, Context.Clock);

    /// <summary>A -Path given to a cmdlet, as a file-system path (relative to $PWD, PowerShell drives allowed).</summary>
    protected string? ProviderPath(string? path) => path is null ? null : Require(() => WorkspacePath.ProviderPath(SessionState, path, "Path"));

    /// <summary>Writes what the tenant's Graph connection logged (retries, downloads, cache hits) to -Verbose.</summary>
    protected void WriteConnectionLog(Guid? tenantId)
    {
        if (tenantId is { } id && Context.Connections.Find(id) is { } connection)
        {
            foreach (var line in connection.DrainLog()) WriteVerbose(line);
        }
    }

    /// <summary>Prepares several plans at most <paramref name="limit"/> at a time, off the pipeline thread (no
    /// SessionState, no Write* there), and finishes each on it as they complete: output, errors, progress and
    /// ShouldProcess stay where PowerShell allows them. A plan that fails is a non-terminating error; Ctrl+C stops all.</summary>
    /// <param name="counted">What progress counts: "plans", or "tenants" where each plan is a tenant's measurement.</param>
    protected void ForEachPlanThrottled<T>(IReadOnlyList<CustomerPlan> plans, int limit, string activity, int progressId, string counted,
        Func<CustomerPlan, CancellationToken, T> prepare, Action<CustomerPlan, T> finish)
    {
        // Resolved here, on the pipeline thread: the culture and the location are the pipeline thread's.
        _ = Context;
        _ = UsageSources;
        var done = 0;
        try
        {
            foreach (var run in Throttled.Run(plans, limit, prepare, StopToken))
            {
                WriteProgress(new ProgressRecord(progressId, activity, $"{++done} of {plans.Count} {counted}") { PercentComplete = done * 100 / plans.Count, CurrentOperation = run.Item.Customer });
                WriteConnectionLog(run.Item.TenantId);
                switch (run.Error)
                {
                    case null: Guard(() => finish(run.Item, run.Result!)); break;
                    case FtException failed: WriteFtError(failed.Error); break;
                    case OperationCanceledException: throw new PipelineStoppedException();
                    default: throw run.Error;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            WriteProgress(new ProgressRecord(progressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>Service names from a parameter; an unknown one stops the cmdlet (nothing is written).</summary>
    protected IReadOnlyList<M365Service> ResolveServices(IEnumerable<string> names)
    {
        var outcome = ServiceNames.ResolveAll(Context.Catalog, names);
        if (!outcome.Succeeded) ThrowFtError(outcome.Error!);
        return outcome.Value!;
    }

    protected M365Service ResolveService(string name)
    {
        var services = ResolveServices(new[] { name });
        if (services.Count != 1) ThrowFtError(PlaybookErrors.AmbiguousService(name, services));
        return services[0];
    }
}
