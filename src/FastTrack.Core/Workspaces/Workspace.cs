using System;
using System.IO;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Workspaces;

/// <summary>The folder that holds the plans and cached reports. One per user by default; a shared folder
/// lets several admins and scheduled jobs work on the same plans. Only creating a plan creates it: reading
/// from, or exporting, a workspace that is not there is an error (a typo, a share not mounted), never an
/// empty portfolio.</summary>
public sealed class Workspace
{
    public const string EnvironmentVariable = "FASTTRACK_WORKSPACE";
    /// <summary>Linux's PATH_MAX; a longer root could never hold a plan file.</summary>
    private const int MaxRootLength = 4000;

    public Workspace(string root)
    {
        Root = Validate(root);
    }

    public string Root { get; }
    public string PlansDirectory => Path.Combine(Root, "plans");
    /// <summary>Where removed plans are kept: Remove-FtCustomerPlan archives, it does not destroy.</summary>
    public string RemovedPlansDirectory => Path.Combine(PlansDirectory, "removed");
    public string CacheDirectory => Path.Combine(Root, "cache");
    public bool Exists => Directory.Exists(Root);

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

    private static string Validate(string root)
    {
        string Shown() => root.Length > 80 ? root.Substring(0, 77) + "..." : root;
        FtException Invalid(string why) => WorkspaceErrors.WorkspaceInvalid(Shown(), why).ToException();

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
