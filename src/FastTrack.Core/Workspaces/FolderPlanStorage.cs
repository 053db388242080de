using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Workspaces;

/// <summary>Plans as files in a folder: one JSON file per tenant, written through <see cref="AtomicFile"/> with the
/// previous version as <c>.bak</c>, a cross-process <see cref="FileLock"/> per plan around each change, removed
/// plans moved under plans/removed. Owner-only on Unix.</summary>
public sealed class FolderPlanStorage : IPlanStorage
{
    private readonly Workspace _workspace;

    public FolderPlanStorage(Workspace workspace) => _workspace = workspace;

    public string Location => _workspace.Root;

    public string PlanLocation(Guid tenantId) => _workspace.PlanPath(tenantId);

    public string BackupLocation(Guid tenantId) => _workspace.PlanPath(tenantId) + ".bak";

    public FtError? Missing() => _workspace.Exists ? null : WorkspaceErrors.WorkspaceNotFound(_workspace.Root);

    public IEnumerable<Guid> List()
    {
        if (!Directory.Exists(_workspace.PlansDirectory)) yield break;
        foreach (var path in Directory.GetFiles(_workspace.PlansDirectory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var tenantId)) yield return tenantId;
        }
    }

    /// <summary>A file that cannot be opened throws its IOException or UnauthorizedAccessException: the plan store
    /// reports it as that plan's PlanUnreadable.</summary>
    public string? Read(Guid tenantId)
    {
        var path = _workspace.PlanPath(tenantId);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (FileNotFoundException) { return null; }
    }

    /// <summary>Under the plan's lock. A write the disk refuses (full, read-only, no permission) is the module's own
    /// error naming the file and the reason; the atomic write guarantees the previous version is intact.</summary>
    public T Change<T>(Guid tenantId, TimeSpan wait, Func<IPlanSlot, T> change)
    {
        var path = _workspace.PlanPath(tenantId);
        try
        {
            OwnerOnlyPermissions.CreateDirectory(_workspace.Root);
            OwnerOnlyPermissions.CreateDirectory(_workspace.PlansDirectory);
            using (FileLock.Acquire(Path.Combine(_workspace.PlansDirectory, $"{tenantId:D}.lock"), wait, $"The plan of tenant {tenantId}"))
            {
                return change(new Slot(this, tenantId));
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            var why = ex is UnauthorizedAccessException
                ? $"this account may not write in '{Path.GetDirectoryName(path)}'; grant it write access to the workspace"
                : ex.Message;
            throw WorkspaceErrors.WorkspaceNotWritable(path, why).ToException(ex);
        }
    }

    private sealed class Slot : IPlanSlot
    {
        private readonly FolderPlanStorage _storage;
        private readonly Guid _tenantId;

        public Slot(FolderPlanStorage storage, Guid tenantId)
        {
            _storage = storage;
            _tenantId = tenantId;
        }

        public string? Text => _storage.Read(_tenantId);

        public void Write(string text)
        {
            var path = _storage.PlanLocation(_tenantId);
            AtomicFile.RemoveLeftovers(path);
            AtomicFile.Write(path, text, _storage.BackupLocation(_tenantId));
        }

        public void Archive(string stamp)
        {
            var removed = _storage._workspace.RemovedPlansDirectory;
            OwnerOnlyPermissions.CreateDirectory(removed);
            File.Move(_storage.PlanLocation(_tenantId), Path.Combine(removed, $"{_tenantId:D}.{stamp}.json"));
        }
    }
}
