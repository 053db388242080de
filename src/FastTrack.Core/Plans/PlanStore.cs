using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Plans;

/// <summary>Keeps customer success plans in a workspace, one JSON file per tenant, so that nothing is
/// lost: atomic writes with a backup, a cross-process lock per plan, optimistic revision checks, and
/// files that cannot be read are reported, never overwritten.</summary>
public sealed class PlanStore
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    private readonly PlaybookCatalog _catalog;
    private readonly Func<DateTimeOffset> _clock;

    public PlanStore(Workspace workspace, PlaybookCatalog catalog, TimeSpan? lockTimeout = null, Func<DateTimeOffset>? clock = null)
    {
        Workspace = workspace;
        _catalog = catalog;
        LockTimeout = lockTimeout ?? DefaultLockTimeout;
        _clock = clock ?? Time.SystemClock.Now;
    }

    public Workspace Workspace { get; }
    public TimeSpan LockTimeout { get; }

    /// <summary>Every plan in the workspace; an unreadable file is one failed item, the rest still come.</summary>
    public IEnumerable<Outcome<CustomerPlan>> ReadAll()
    {
        if (!Workspace.Exists)
        {
            yield return Outcome<CustomerPlan>.Fail(WorkspaceErrors.WorkspaceNotFound(Workspace.Root));
            yield break;
        }
        if (!Directory.Exists(Workspace.PlansDirectory)) yield break;
        foreach (var path in Directory.GetFiles(Workspace.PlansDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var tenantId)) continue;
            yield return TryRead(tenantId) ?? Outcome<CustomerPlan>.Fail(NotFound(tenantId)); // removed meanwhile
        }
    }

    /// <summary>The plan of a tenant, its read error, or null when the tenant has no plan.</summary>
    public Outcome<CustomerPlan>? TryRead(Guid tenantId)
    {
        var path = Workspace.PlanPath(tenantId);
        string text;
        try
        {
            if (!File.Exists(path)) return null;
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException) { return null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Outcome<CustomerPlan>.Fail(PlanErrors.PlanUnreadable(path, "", ex.Message.TrimEnd('.'),
                ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError));
        }
        try
        {
            var plan = PlanSerializer.Deserialize(text, path);
            if (plan.TenantId != tenantId)
            {
                return Outcome<CustomerPlan>.Fail(PlanErrors.PlanUnreadable(path, "", $"it holds tenant {plan.TenantId}, not the {tenantId} its name says"));
            }
            plan.CompleteFrom(_catalog);
            return Outcome<CustomerPlan>.Ok(plan);
        }
        catch (FtException ex)
        {
            return Outcome<CustomerPlan>.Fail(ex.Error);
        }
    }

    public CustomerPlan Read(Guid tenantId)
    {
        var outcome = TryRead(tenantId) ?? throw (Workspace.Exists ? NotFound(tenantId) : WorkspaceErrors.WorkspaceNotFound(Workspace.Root)).ToException();
        return outcome.Succeeded ? outcome.Value! : throw outcome.Error!.ToException();
    }

    /// <summary>Writes a new plan. <paramref name="confirm"/> sees the validated plan before anything is
    /// written (the cmdlets' ShouldProcess); false leaves the disk untouched and returns null.</summary>
    public CustomerPlan? Create(CustomerPlan plan, Func<CustomerPlan, bool>? confirm = null)
    {
        PlanValidator.EnsureValid(plan);
        if (File.Exists(Workspace.PlanPath(plan.TenantId))) throw PlanErrors.PlanExists(plan.TenantId).ToException();
        if (confirm is not null && !confirm(plan)) return null;
        return Writing(Workspace.PlanPath(plan.TenantId), () =>
        {
            using (Lock(plan.TenantId))
            {
                if (File.Exists(Workspace.PlanPath(plan.TenantId))) throw PlanErrors.PlanExists(plan.TenantId).ToException();
                var now = _clock();
                plan.Revision = 1;
                plan.Created = plan.Created == default ? now : plan.Created;
                plan.Modified = now;
                plan.ModifiedBy = Environment.UserName;
                Write(plan);
                return plan;
            }
        });
    }

    /// <summary>Applies <paramref name="change"/> to the stored plan and saves it as the next revision.
    /// With <paramref name="basedOnRevision"/> (the revision the caller read), a plan someone else saved
    /// since is refused unless <paramref name="force"/>. The change is applied twice: once to preview and
    /// confirm outside the lock (a -Confirm prompt must not hold other writers up), then for real on the
    /// latest copy under the lock, so it must depend only on the plan it is given.</summary>
    public CustomerPlan? Update(Guid tenantId, long? basedOnRevision, bool force, Action<CustomerPlan> change,
        Func<CustomerPlan, bool>? confirm = null)
    {
        var preview = Read(tenantId);
        CheckRevision(preview, basedOnRevision, force);
        change(preview);
        PlanValidator.EnsureValid(preview);
        if (confirm is not null && !confirm(preview)) return null;

        return Writing(Workspace.PlanPath(tenantId), () =>
        {
            using (Lock(tenantId))
            {
                var plan = Read(tenantId);
                CheckRevision(plan, basedOnRevision, force);
                change(plan);
                PlanValidator.EnsureValid(plan);
                plan.Revision++;
                plan.Modified = _clock();
                plan.ModifiedBy = Environment.UserName;
                Write(plan);
                return plan;
            }
        });
    }

    /// <summary>Takes the plan out of the workspace; the file is archived under plans/removed, not destroyed.</summary>
    public bool Remove(Guid tenantId, long? basedOnRevision, bool force, Func<CustomerPlan, bool>? confirm = null)
    {
        var plan = Read(tenantId);
        CheckRevision(plan, basedOnRevision, force);
        if (confirm is not null && !confirm(plan)) return false;
        return Writing(Workspace.PlanPath(tenantId), () =>
        {
            using (Lock(tenantId))
            {
                CheckRevision(Read(tenantId), basedOnRevision, force);
                OwnerOnlyPermissions.CreateDirectory(Workspace.RemovedPlansDirectory);
                var archived = Path.Combine(Workspace.RemovedPlansDirectory, $"{tenantId:D}.{_clock():yyyyMMddTHHmmssfff}.json");
                File.Move(Workspace.PlanPath(tenantId), archived);
                return true;
            }
        });
    }

    /// <summary>A write the disk refuses (full, read-only, no permission) is the module's own error naming the
    /// file and the reason; the atomic write guarantees the previous version is intact.</summary>
    private static T Writing<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            var folder = Path.GetDirectoryName(path);
            var why = ex is UnauthorizedAccessException
                ? $"this account may not write in '{folder}'; grant it write access to the workspace"
                : ex.Message;
            throw WorkspaceErrors.WorkspaceNotWritable(path, why).ToException(ex);
        }
    }

    private void Write(CustomerPlan plan)
    {
        var path = Workspace.PlanPath(plan.TenantId);
        AtomicFile.RemoveLeftovers(path);
        AtomicFile.Write(path, PlanSerializer.Serialize(plan), path + ".bak");
    }

    private FileLock Lock(Guid tenantId, CancellationToken cancellationToken = default)
    {
        OwnerOnlyPermissions.CreateDirectory(Workspace.Root);
        OwnerOnlyPermissions.CreateDirectory(Workspace.PlansDirectory);
        return FileLock.Acquire(Path.Combine(Workspace.PlansDirectory, $"{tenantId:D}.lock"), LockTimeout,
            $"The plan of tenant {tenantId}", cancellationToken);
    }

    private static void CheckRevision(CustomerPlan stored, long? basedOnRevision, bool force)
    {
        if (force || basedOnRevision is null || basedOnRevision == stored.Revision) return;
        throw PlanErrors.PlanChanged(stored, basedOnRevision.Value).ToException();
    }

    private static FtError NotFound(Guid tenantId) => PlanErrors.PlanNotFound(tenantId, $"tenant {tenantId}");
}
