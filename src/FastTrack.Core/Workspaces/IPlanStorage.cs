using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Workspaces;

/// <summary>Where plan documents live: a folder (<see cref="FolderPlanStorage"/>) or a blob container. It keeps
/// text; what the text means (plans, revisions, validation) is the plan store's. Every implementation promises
/// the same: a write is whole or absent, the previous version is kept, a removed plan is archived, and a change
/// is made on the latest document only (<see cref="Change{T}"/>). Failures are <see cref="FtException"/>s that
/// name the fix.</summary>
public interface IPlanStorage
{
    /// <summary>The folder path or the container URL, for messages.</summary>
    string Location { get; }

    /// <summary>Where a plan's document is, for messages.</summary>
    string PlanLocation(Guid tenantId);

    /// <summary>Where its previous version is kept, for messages.</summary>
    string BackupLocation(Guid tenantId);

    /// <summary>Null when the workspace is there to read; else why not (missing, no access, unreachable).</summary>
    FtError? Missing();

    /// <summary>The tenants that have a plan document, in a stable order.</summary>
    IEnumerable<Guid> List();

    /// <summary>The document's text; null when the tenant has none.</summary>
    string? Read(Guid tenantId);

    /// <summary>Runs <paramref name="change"/> with the plan's document as it is now, so that no other change of
    /// that plan lands between its read and its write: the folder holds a lock meanwhile, the container makes
    /// the write conditional and runs <paramref name="change"/> again on the newer document if it lost the race.
    /// So <paramref name="change"/> must depend only on what the slot reads. Gives up after <paramref name="wait"/>.</summary>
    T Change<T>(Guid tenantId, TimeSpan wait, Func<IPlanSlot, T> change);
}
