using System;
using System.Globalization;
using System.IO;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Sample;

/// <summary>Writes the sample tenant's reports with Graph's exact headers and value formats: the Teams
/// report in the column order real exports use (which differs from the docs), Yes/No in Teams and
/// True/False elsewhere, ISO-8601 durations, products joined by '+'.</summary>
internal sealed class SampleReportWriter
{
    // Headers copied from shared/reference/graph (the Teams one from the real export, see SOURCES.md there).
    private const string TeamsHeader = "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Urgent Messages,Post Messages,Tenant Display Name,Shared Channel Tenant Display Names,Reply Messages,Is Licensed,Report Period";
    private const string YammerHeader = "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period";
    private const string EmailAppHeader = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Mail For Mac,Outlook For Mac,Outlook For Windows,Outlook For Mobile,Other For Mobile,Outlook For Web,POP3 App,IMAP4 App,SMTP App,Report Period";
    private const string OneDriveHeader = "Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Assigned Products,Report Period";
    private const string SharePointHeader = "Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Visited Page Count,Assigned Products,Report Period";
    private const string EmailHeader = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period";
    private const string AppsHeader = "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)";
    private const string ActivationsHeader = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer";
    private const string ActiveUserHeader = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products";

    private readonly SampleTenant _tenant;
    private readonly TextWriter _out;
    private readonly int _day;
    private readonly string _refresh;
    private readonly string _deletedDate;

    public SampleReportWriter(SampleTenant tenant, TextWriter output, int day)
    {
        _tenant = tenant;
        _out = output;
        _day = day;
        _refresh = Date(tenant.Options.FirstDay.AddDays(day));
        _deletedDate = Date(tenant.Options.FirstDay.AddDays(day / 2));
    }

    public void Write(ReportKind kind)
    {
        _out.WriteLine(kind switch
        {
            ReportKind.TeamsUserActivityUserDetail => TeamsHeader,
            ReportKind.YammerActivityUserDetail => YammerHeader,
            ReportKind.EmailAppUsageUserDetail => EmailAppHeader,
            ReportKind.OneDriveActivityUserDetail => OneDriveHeader,
            ReportKind.SharePointActivityUserDetail => SharePointHeader,
            ReportKind.EmailActivityUserDetail => EmailHeader,
            ReportKind.M365AppUserDetail => AppsHeader,
            ReportKind.Office365ActivationsUserDetail => ActivationsHeader,
            _ => ActiveUserHeader,
        });
        for (var i = 0; i < _tenant.ReportedUsers; i++)
        {
            var user = new SampleUser(_tenant.Options, i);
            switch (kind)
            {
                case ReportKind.TeamsUserActivityUserDetail: Teams(user); break;
                case ReportKind.YammerActivityUserDetail: Yammer(user); break;
                case ReportKind.EmailAppUsageUserDetail: EmailApps(user); break;
                case ReportKind.OneDriveActivityUserDetail: Files(user, M365Service.OneDrive, sharePoint: false); break;
                case ReportKind.SharePointActivityUserDetail: Files(user, M365Service.SharePoint, sharePoint: true); break;
                case ReportKind.EmailActivityUserDetail: Email(user); break;
                case ReportKind.M365AppUserDetail: Apps(user); break;
                case ReportKind.Office365ActivationsUserDetail: Activations(user); break;
                default: ActiveUser(user); break;
            }
        }
    }

    private string Upn(SampleUser user) => _tenant.Options.ConcealedNames ? SampleUser.Conceal(user.UserPrincipalName) : user.UserPrincipalName;
    private string Name(SampleUser user) => _tenant.Options.ConcealedNames ? SampleUser.Conceal(user.DisplayName) : user.DisplayName;
    private DateTime? Last(SampleUser user, M365Service service) => _tenant.LastActivity(user, service, _day);
    private int Count(SampleUser user, int salt, int max) => (int)(SampleRandom.Hash(_tenant.Options.Seed, user.Index, salt, _day) % (ulong)max);
    private string Deleted(SampleUser user) => user.IsDeleted ? "True" : "False";
    private string DeletedOn(SampleUser user) => user.IsDeleted ? _deletedDate : "";

    private void Teams(SampleUser user)
    {
        var last = Last(user, M365Service.Teams);
        var active = last is not null;
        int N(int salt, int max) => active ? Count(user, salt, max) : 0;
        var audio = N(11, 7200);
        var video = N(12, 3600);
        var share = N(13, 1800);
        var userId = _tenant.Options.ConcealedNames ? Guid.Empty : user.UserId(_tenant.Options.Seed);
        _out.WriteLine(string.Join(",", _refresh, userId.ToString("D"), Upn(user), Date(last), user.IsDeleted ? "True" : "False", DeletedOn(user),
            Csv(user.AssignedProducts), N(1, 40), N(2, 120), N(3, 12), N(4, 20), N(5, 6), N(6, 18), N(7, 3), N(8, 6), N(9, 4), N(10, 10), N(14, 3), N(15, 8),
            Duration(audio), Duration(video), Duration(share), audio, video, share, active && Count(user, 16, 2) == 1 ? "Yes" : "No",
            N(17, 2), N(18, 10), _tenant.Options.Customer.ToUpperInvariant(), "", N(19, 15), user.IsDeleted ? "No" : "Yes", "30"));
    }

    private void Yammer(SampleUser user)
    {
        var last = Last(user, M365Service.Yammer);
        var active = last is not null;
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Csv(Name(user)), user.IsDeleted ? "deleted" : "active", user.IsDeleted ? _deletedDate : "",
            Date(last), active ? Count(user, 21, 5) : 0, active ? Count(user, 22, 40) : 0, active ? Count(user, 23, 10) : 0, Csv(user.AssignedProducts), "30"));
    }

    private void EmailApps(SampleUser user)
    {
        var mail = Last(user, M365Service.Exchange);
        var mobile = Last(user, M365Service.OutlookMobile);
        var last = Latest(mail, mobile);
        var usedMobile = mobile is not null && (_tenant.Options.FirstDay.AddDays(_day) - mobile.Value).TotalDays < 28;
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Csv(Name(user)), Deleted(user), DeletedOn(user), Date(last),
            "", "", mail is null ? "" : "ProPlus", usedMobile ? "Undetermined" : "", "", mail is not null && Count(user, 31, 3) == 0 ? "Undetermined" : "", "", "", "", "30"));
    }

    private void Files(SampleUser user, M365Service service, bool sharePoint)
    {
        var last = Last(user, service);
        int N(int salt, int max) => last is null ? 0 : Count(user, salt, max);
        var counts = sharePoint
            ? string.Join(",", N(41, 50), N(42, 30), N(43, 8), N(44, 2), N(45, 60))
            : string.Join(",", N(41, 50), N(42, 200), N(43, 8), N(44, 2));
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Deleted(user), DeletedOn(user), Date(last), counts, Csv(user.AssignedProducts), "30"));
    }

    private void Email(SampleUser user)
    {
        var last = Last(user, M365Service.Exchange);
        int N(int salt, int max) => last is null ? 0 : Count(user, salt, max);
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Csv(Name(user)), Deleted(user), DeletedOn(user), Date(last),
            N(51, 120), N(52, 600), N(53, 500), N(54, 10), N(55, 30), Csv(user.AssignedProducts), "30"));
    }

    private void Apps(SampleUser user)
    {
        // The apps report lists current users with a Microsoft 365 Apps licence only (frontline F3 has none).
        if (user.IsDeleted || !user.IsLicensed(M365Service.Microsoft365Apps)) return;
        var last = Last(user, M365Service.Microsoft365Apps);
        var flags = new string[34];
        for (var i = 0; i < flags.Length; i++) flags[i] = last is not null && Count(user, 60 + i, 3) > 0 ? "Yes" : "No";
        var activation = user.IsLicensed(M365Service.Microsoft365Apps) ? Date(_tenant.Options.FirstDay.AddDays(-(user.Index % 200))) : "";
        _out.WriteLine(string.Join(",", _refresh, Upn(user), activation, Date(last), "30", string.Join(",", flags)));
    }

    private void Activations(SampleUser user)
    {
        if (!user.IsLicensed(M365Service.Microsoft365Apps)) return;
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Csv(Name(user)), "MICROSOFT 365 APPS FOR ENTERPRISE",
            Date(_tenant.Options.FirstDay.AddDays(-(user.Index % 200))), 1 + Count(user, 71, 3), Count(user, 72, 2), 0, Count(user, 73, 2), Count(user, 74, 2), "False"));
    }

    private void ActiveUser(SampleUser user)
    {
        string Has(M365Service s) => user.IsLicensed(s) && !user.IsDeleted ? "True" : "False";
        var assigned = user.IsDeleted ? "" : Date(_tenant.Options.FirstDay.AddDays(-(user.Index % 365)));
        _out.WriteLine(string.Join(",", _refresh, Upn(user), Csv(Name(user)), Deleted(user), DeletedOn(user),
            Has(M365Service.Exchange), Has(M365Service.OneDrive), Has(M365Service.SharePoint), "False", Has(M365Service.Yammer), Has(M365Service.Teams),
            Date(Last(user, M365Service.Exchange)), Date(Last(user, M365Service.OneDrive)), Date(Last(user, M365Service.SharePoint)), "",
            Date(Last(user, M365Service.Yammer)), Date(Last(user, M365Service.Teams)),
            assigned, assigned, assigned, "", assigned, assigned, Csv(user.AssignedProducts)));
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Duration(int seconds) =>
        seconds == 0 ? "PT0S" : "PT" + (seconds >= 3600 ? $"{seconds / 3600}H" : "") + (seconds % 3600 >= 60 ? $"{seconds % 3600 / 60}M" : "") + (seconds % 60 > 0 ? $"{seconds % 60}S" : "");

    // RFC 4180: quote a field with a comma, quote or line break, doubling its quotes.
    private static string Csv(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
