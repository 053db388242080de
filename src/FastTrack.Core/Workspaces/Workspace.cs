using System;
using System.IO;

namespace FastTrack.Core.Workspaces;

/// <summary>The folder that holds the plans (and, later, cached reports). One per user by default;
/// a shared folder lets several admins and scheduled jobs work on the same plans.</summary>
public sealed class Workspace
{
    public const string EnvironmentVariable = "FASTTRACK_WORKSPACE";

    public Workspace(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string PlansDirectory => Path.Combine(Root, "plans");
    /// <summary>Where removed plans are kept: Remove-FtCustomerPlan archives, it does not destroy.</summary>
    public string RemovedPlansDirectory => Path.Combine(PlansDirectory, "removed");
    public string CacheDirectory => Path.Combine(Root, "cache");

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
}
