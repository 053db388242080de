using System;
using System.Collections.Generic;
using System.Threading;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage.People;

/// <summary>Reads the people behind the numbers, one report per service, streaming: each user row becomes
/// a <see cref="UserActivity"/>. Reports with concealed names cannot name anyone: that is an error, never
/// a silent zero.</summary>
public static class UserActivityReader
{
    public static void Read(IUsageDataSource source, IReadOnlyList<M365Service> services, DateTime? asOf, Action<UserActivity> each,
        IProgress<UsageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Read(source, services, asOf, each, new UsersSeen(), progress, cancellationToken);

    /// <param name="users">The users seen, reused by a caller that reads service after service.</param>
    internal static void Read(IUsageDataSource source, IReadOnlyList<M365Service> services, DateTime? asOf, Action<UserActivity> each, UsersSeen users,
        IProgress<UsageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        foreach (var service in services)
        {
            ReportDefinition? definition = null;
            ReportContent? content = null;
            foreach (var candidate in ReportDefinition.SourcesOf(service))
            {
                content = source.OpenReport(candidate.Kind, asOf);
                if (content is null) continue;
                definition = candidate;
                break;
            }
            if (content is null || definition is null)
            {
                throw UsageErrors.ReportMissing(source.Description, service).ToException();
            }
            using var open = content;
            using var rows = ReportRows.Open(content.Stream, content.Name, definition);
            var scan = ReportScanner.Scan(rows, definition, progress is null ? null : bytes => progress.Report(new UsageProgress(open.Name, bytes, open.Length)), cancellationToken, row =>
            {
                if (row.Service != service) return;
                if (ReportValues.IsConcealed(row.UserPrincipalName.AsSpan())) throw UsageErrors.ConcealedNames(source.Description).ToException();
                each(new UserActivity
                {
                    UserPrincipalName = row.UserPrincipalName,
                    Service = service,
                    IsLicensed = row.Licensed,
                    LastActivityDate = row.LastActivity,
                    DaysSinceActivity = row.LastActivity is { } last ? (int)(row.RefreshDate - last).TotalDays : null,
                    ActiveInWindow = row.Active,
                    IsDeleted = row.Deleted,
                    AsOf = row.RefreshDate,
                });
            }, users);
            // Nobody in it is no finding about anybody: the same error as measuring it.
            if (scan.Rows == 0) throw ReportErrors.ReportEmpty(content.Name, definition.GraphFunction).ToException();
        }
    }
}
