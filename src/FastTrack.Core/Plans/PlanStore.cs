using System;
using System.Collections.Generic;
using System.IO;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Stores;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Plans;

/// <summary>Keeps customer success plans in a workspace, one JSON document per tenant, so that nothing is
/// lost: whole-or-absent writes with a backup, one change of a plan at a time (a lock in a folder, a conditional
/// write in a blob container), optimistic revision checks, and documents that cannot be read are reported,
/// never overwritten. Where the documents live is the <see cref="IPlanStorage"/>'s business; this class is the
/// same for both.</summary>
public sealed class PlanStore
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    private readonly PlaybookCatalog _catalog;
    private readonly Func<DateTimeOffset> _clock;
    private readonly IPlanStorage _storage;

    public PlanStore(Workspace workspace, PlaybookCatalog catalog, TimeSpan? lockTimeout = null, Func<DateTimeOffset>? clock = null)
    {
        Workspace = workspace;
        _catalog = catalog;
        LockTimeout = lockTimeout ?? DefaultLockTimeout;
        _clock = clock ?? Time.SystemClock.Now;
        _storage = WorkspaceStorage.Plans(workspace);
    }

    public Workspace Workspace { get; }
    public TimeSpan LockTimeout { get; }
    /// <summary>Where the documents are: a folder or a blob container.</summary>
    public IPlanStorage Storage => _storage;

    /// <summary>Every plan in the workspace; an unreadable file is one failed item, the rest still come.</summary>
    public IEnumerable<Outcome<CustomerPlan>> ReadAll()
    {
        IEnumerable<Guid> tenants;
        try
        {
            if (_storage.Missing() is { } missing) return new[] { Outcome<CustomerPlan>.Fail(missing) };
            tenants = _storage.List();
        }
        catch (FtException ex)
        {
            return new[] { Outcome<CustomerPlan>.Fail(ex.Error) };
        }
        return ReadEach(tenants);
    }

    private IEnumerable<Outcome<CustomerPlan>> ReadEach(IEnumerable<Guid> tenants)
    {
        using var each = tenants.GetEnumerator();
        while (true)
        {
            Guid tenantId;
            FtError? failed = null;
            try
            {
                if (!each.MoveNext()) yield break;
                tenantId = each.Current;
            }
            catch (FtException ex)
            {
                tenantId = Guid.Empty;
                failed = ex.Error; // the listing itself broke off (the account went away): say so once and stop
            }
            if (failed is not null)
            {
                yield return Outcome<CustomerPlan>.Fail(failed);
                yield break;
            }
            yield return TryRead(tenantId) ?? Outcome<CustomerPlan>.Fail(NotFound(tenantId)); // removed meanwhile
        }
    }

    /// <summary>The plan of a tenant, its read error, or null when the tenant has no plan.</summary>
    public Outcome<CustomerPlan>? TryRead(Guid tenantId)
    {
        string? text;
        try
        {
            text = _storage.Read(tenantId);
        }
        catch (FtException ex)
        {
            return Outcome<CustomerPlan>.Fail(ex.Error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Outcome<CustomerPlan>.Fail(PlanErrors.PlanUnreadable(_storage.PlanLocation(tenantId), "", ex.Message.TrimEnd('.'),
                ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError));
        }
        if (text is null) return null;
        try
        {
            return Outcome<CustomerPlan>.Ok(Parse(tenantId, text));
        }
        catch (FtException ex)
        {
            return Outcome<CustomerPlan>.Fail(ex.Error);
        }
    }

    public CustomerPlan Read(Guid tenantId)
    {
        var outcome = TryRead(tenantId) ?? throw (_storage.Missing() ?? NotFound(tenantId)).ToException();
        return outcome.Succeeded ? outcome.Value! : throw outcome.Error!.ToException();
    }

    /// <summary>Writes a new plan. <paramref name="confirm"/> sees the validated plan before anything is
    /// written (the cmdlets' ShouldProcess); false leaves the disk untouched and returns null.</summary>
    public CustomerPlan? Create(CustomerPlan plan, Func<CustomerPlan, bool>? confirm = null)
    {
        PlanValidator.EnsureValid(plan);
        if (Exists(plan.TenantId)) throw PlanErrors.PlanExists(plan.TenantId).ToException();
        if (confirm is not null && !confirm(plan)) return null;
        return _storage.Change(plan.TenantId, LockTimeout, slot =>
        {
            if (slot.Text is not null) throw PlanErrors.PlanExists(plan.TenantId).ToException();
            var now = _clock();
            plan.Revision = 1;
            plan.Created = plan.Created == default ? now : plan.Created;
            plan.Modified = now;
            plan.ModifiedBy = Environment.UserName;
            slot.Write(PlanSerializer.Serialize(plan));
            return plan;
        });
    }

    /// <summary>Applies <paramref name="change"/> to the stored plan and saves it as the next revision.
    /// With <paramref name="basedOnRevision"/> (the revision the caller read), a plan someone else saved
    /// since is refused unless <paramref name="force"/>. The change is applied at least twice: once to preview and
    /// confirm outside the lock (a -Confirm prompt must not hold other writers up), then for real on the
    /// latest copy (again, in a blob container, each time another writer got there first), so it must depend
    /// only on the plan it is given.</summary>
    public CustomerPlan? Update(Guid tenantId, long? basedOnRevision, bool force, Action<CustomerPlan> change,
        Func<CustomerPlan, bool>? confirm = null)
    {
        var preview = Read(tenantId);
        CheckRevision(preview, basedOnRevision, force);
        change(preview);
        PlanValidator.EnsureValid(preview);
        if (confirm is not null && !confirm(preview)) return null;

        return _storage.Change(tenantId, LockTimeout, slot =>
        {
            var plan = Latest(tenantId, slot);
            CheckRevision(plan, basedOnRevision, force);
            change(plan);
            PlanValidator.EnsureValid(plan);
            plan.Revision++;
            plan.Modified = _clock();
            plan.ModifiedBy = Environment.UserName;
            slot.Write(PlanSerializer.Serialize(plan));
            return plan;
        });
    }

    /// <summary>Takes the plan out of the workspace; the document is archived with the removed plans, not destroyed.</summary>
    public bool Remove(Guid tenantId, long? basedOnRevision, bool force, Func<CustomerPlan, bool>? confirm = null)
    {
        var plan = Read(tenantId);
        CheckRevision(plan, basedOnRevision, force);
        if (confirm is not null && !confirm(plan)) return false;
        return _storage.Change(tenantId, LockTimeout, slot =>
        {
            CheckRevision(Latest(tenantId, slot), basedOnRevision, force);
            slot.Archive($"{_clock():yyyyMMddTHHmmssfff}");
            return true;
        });
    }

    private bool Exists(Guid tenantId)
    {
        try { return _storage.Read(tenantId) is not null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return true; } // there, unreadable: never overwritten
    }

    // The plan as the slot reads it; a document that cannot be parsed stops the change, so it is never overwritten.
    private CustomerPlan Latest(Guid tenantId, IPlanSlot slot)
    {
        string? text;
        try { text = slot.Text; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw PlanErrors.PlanUnreadable(_storage.PlanLocation(tenantId), "", ex.Message.TrimEnd('.'),
                ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError).ToException(ex);
        }
        return text is null ? throw NotFound(tenantId).ToException() : Parse(tenantId, text);
    }

    private CustomerPlan Parse(Guid tenantId, string text)
    {
        var path = _storage.PlanLocation(tenantId);
        var plan = PlanSerializer.Deserialize(text, path);
        if (plan.TenantId != tenantId)
            throw PlanErrors.PlanUnreadable(path, "", $"it holds tenant {plan.TenantId}, not the {tenantId} its name says").ToException();
        plan.CompleteFrom(_catalog);
        return plan;
    }

    private static void CheckRevision(CustomerPlan stored, long? basedOnRevision, bool force)
    {
        if (force || basedOnRevision is null || basedOnRevision == stored.Revision) return;
        throw PlanErrors.PlanChanged(stored, basedOnRevision.Value).ToException();
    }

    private static FtError NotFound(Guid tenantId) => PlanErrors.PlanNotFound(tenantId, $"tenant {tenantId}");
}
