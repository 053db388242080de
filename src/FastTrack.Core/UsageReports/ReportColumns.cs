using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>Column ordinals, found by header name once per report.</summary>
internal sealed class ReportColumns
{
    public ReportColumns(IReportRows rows, ReportDefinition definition)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Headers.Count; i++)
        {
            var name = rows.Headers[i];
            if (name.Length == 0) continue; // a nameless column is none the engine reads
            if (index.TryGetValue(name, out var first)) throw ReportErrors.ReportColumnDuplicated(rows.SourceName, definition.GraphFunction, name, first, i).ToException();
            index[name] = i;
        }
        int Required(string name) => index.TryGetValue(name, out var i) ? i
            : throw ReportErrors.ReportColumnMissing(rows.SourceName, definition.GraphFunction, name, rows.Headers).ToException();
        int Optional(string name) => index.TryGetValue(name, out var i) ? i : -1;

        foreach (var name in definition.Required) Required(name);
        Refresh = Required(ReportDefinition.RefreshDate);
        Upn = Required(ReportDefinition.UserPrincipalName);
        LastActivity = Optional(ReportDefinition.LastActivityDate);
        IsDeleted = Optional(ReportDefinition.IsDeleted);
        UserState = Optional("User State");
        IsLicensed = Optional("Is Licensed");
        TenantName = Optional("Tenant Display Name");
        ProductType = Optional("Product Type");
        OutlookForMobile = definition.Kind == ReportKind.EmailAppUsageUserDetail ? Required("Outlook For Mobile") : -1;
        // Each app's column the report has (an older export may lack a newer app's).
        Apps = definition.AppFields.Select(f => (Field: f, Ordinal: Optional(f.Header))).Where(a => a.Ordinal >= 0).ToArray();
        if (definition.Kind == ReportKind.Office365ActiveUserDetail)
        {
            PerService = definition.Services.Select(s =>
            {
                var word = ReportDefinition.ActiveUserWord(s);
                return new ServiceColumns(s, Required($"Has {word} License"), $"Has {word} License", Required($"{word} Last Activity Date"), $"{word} Last Activity Date");
            }).ToArray();
        }
        Last = new[] { Refresh, Upn, LastActivity, IsDeleted, UserState, IsLicensed, TenantName, ProductType, OutlookForMobile }
            .Concat(Apps.Select(a => a.Ordinal)).Concat(PerService.SelectMany(c => new[] { c.HasLicense, c.LastActivity })).Max();
    }

    /// <summary>The last column a scan reads: the fields after it are only counted.</summary>
    public int Last { get; }

    public int Refresh { get; }
    public int Upn { get; }
    public int LastActivity { get; }
    public int IsDeleted { get; }
    public int UserState { get; }
    public int IsLicensed { get; }
    public int TenantName { get; }
    public int ProductType { get; }
    public int OutlookForMobile { get; }
    public ServiceColumns[] PerService { get; } = Array.Empty<ServiceColumns>();
    /// <summary>The per-app last-activity columns (Microsoft 365 Copilot's Teams, Word, ...), in the definition's order.</summary>
    public (ReportField Field, int Ordinal)[] Apps { get; }
}

internal sealed class ServiceColumns
{
    public ServiceColumns(M365Service service, int hasLicense, string hasLicenseName, int lastActivity, string lastActivityName)
    {
        Service = service;
        HasLicense = hasLicense;
        HasLicenseName = hasLicenseName;
        LastActivity = lastActivity;
        LastActivityName = lastActivityName;
    }

    public M365Service Service { get; }
    public int HasLicense { get; }
    public string HasLicenseName { get; }
    public int LastActivity { get; }
    public string LastActivityName { get; }
}
