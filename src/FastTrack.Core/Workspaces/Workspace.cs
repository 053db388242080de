using System;
using System.IO;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Workspaces;

/// <summary>Where the plans and cached reports are: a folder, or a container in Azure Blob Storage (a URL, see
/// <see cref="BlobContainerAddress"/>). One folder per user by default; a shared folder or a container lets several
/// admins and scheduled jobs work on the same plans. Only creating a plan creates a folder: reading from, or
/// exporting, a workspace that is not there is an error (a typo, a share not mounted), never an empty portfolio.
/// A container is never created by the module: it is made once, with its access, by whoever owns the account.</summary>
public sealed class Workspace
{
    public const string EnvironmentVariable = "FASTTRACK_WORKSPACE";
    /// <summary>Linux's PATH_MAX; a longer root could never hold a plan file.</summary>
    private const int MaxRootLength = 4000;

    public Workspace(string root)
    {
        if (BlobContainerAddress.LooksLikeOne(root))
        {
            // Shown without its query: a SAS token is a secret and never reaches a message.
            Blob = BlobContainerAddress.Parse(root, why => Invalid(root.Split('?')[0], why));
            Root = Blob.ToString();
        }
        else
        {
            Root = Validate(root);
        }
    }

    /// <summary>The folder's full path, or the container's URL.</summary>
    public string Root { get; }
    /// <summary>The container, when the workspace is in Azure Blob Storage; null for a folder.</summary>
    public BlobContainerAddress? Blob { get; }
    public string PlansDirectory => Path.Combine(Root, "plans");
    /// <summary>Where removed plans are kept: Remove-FtCustomerPlan archives, it does not destroy.</summary>
    public string RemovedPlansDirectory => Path.Combine(PlansDirectory, "removed");
    /// <summary>Where removed plans are kept, as a path or a URL prefix (for messages).</summary>
    public string RemovedPlansLocation => Blob is null ? RemovedPlansDirectory : Root + "/plans/removed/";
    /// <summary>Downloaded reports: the workspace's own cache folder, or for a container this machine's copy of
    /// the container's cache (reports are read as they download, which needs a local file; the container keeps
    /// each whole report for the other runners).</summary>
    public string CacheDirectory => Blob is null ? Path.Combine(Root, "cache")
        : Path.Combine(DefaultRoot, "blob-cache", Blob.Account, Blob.Container, "cache");
    public bool Exists => Blob is not null || Directory.Exists(Root);

    /// <summary>The per-user default: the platform's local application data folder.</summary>
    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "FastTrack.PowerShell");

    /// <summary>-Workspace first, then $env:FASTTRACK_WORKSPACE, then the per-user default.</summary>
    public static Workspace Resolve(string? explicitRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot)) return new Workspace(explicitRoot!);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new Workspace(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultRoot : fromEnvironment!);
    }

    /// <summary>File names come from the tenant id, never from user text.</summary>
    public string PlanPath(Guid tenantId) => Path.Combine(PlansDirectory, tenantId.ToString("D") + ".json");

    public override string ToString() => Root;

    private static FtException Invalid(string root, string why) =>
        WorkspaceErrors.WorkspaceInvalid(root.Length > 80 ? root.Substring(0, 77) + "..." : root, why).ToException();

    private static string Validate(string root)
    {
        FtException Invalid(string why) => Workspace.Invalid(root, why);

        if (string.IsNullOrWhiteSpace(root)) throw Invalid("the path is empty");
        if (root.IndexOf('\0') >= 0) throw Invalid("the path holds a NUL character");
        if (root.Length > MaxRootLength) throw Invalid($"the path is {root.Length} characters long; file systems allow at most about {MaxRootLength}");
        string full;
        try { full = Path.GetFullPath(root); }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException)
        {
            throw Invalid(ex.Message);
        }
        if (File.Exists(full)) throw Invalid("it is a file, not a folder");
        return full;
    }
}
