using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>The errors of the cmdlets' own parameters and files (the core's are in each area's *Errors class):
/// one id (the method's name) and one text each.</summary>
internal static class CmdletErrors
{
    public static FtError PathInvalid(string path, string parameter, string why) => new(nameof(PathInvalid), FtErrorKind.InvalidArgument, path,
        $"-{parameter} '{path}' cannot be used: {why}");

    public static FtError PathIsFolder(string path) => new(nameof(PathIsFolder), FtErrorKind.InvalidArgument, path,
        $"'{path}' is a folder; give the path of the file to write.");

    public static FtError FileExists(string path) => new(nameof(FileExists), FtErrorKind.ResourceExists, path,
        $"'{path}' exists; use -Force to overwrite it.");

    public static FtError FolderNotFound(string folder) => new(nameof(FolderNotFound), FtErrorKind.ObjectNotFound, folder,
        $"The folder '{folder}' does not exist; create it, or give a path in an existing folder.");

    public static FtError FileWriteFailed(string path, Exception ex) => new(nameof(FileWriteFailed), FtErrorKind.WriteError, path,
        $"'{path}' could not be written: {ex.Message}");

    public static FtError NoPlanToReport(string path) => new(nameof(NoPlanToReport), FtErrorKind.ObjectNotFound, path,
        $"No plan could be read, so '{path}' was not written. Check the errors above, -Workspace, or the plans piped in.");

    public static FtError NoCheckInsToExport(string path, IReadOnlyCollection<string> customers, DateTime from) => new(nameof(NoCheckInsToExport), FtErrorKind.ObjectNotFound, path,
        $"No check-in of {string.Join(", ", customers)} is on or after {from:yyyy-MM-dd}, so '{path}' was not written. " +
        "Schedule check-ins with New-FtCheckInSchedule, or give an earlier -From.");

    public static FtError ServiceRequired() => new(nameof(ServiceRequired), FtErrorKind.InvalidArgument, null,
        "-Intended, -EnabledOn, -CommunicatedOn, -BaselineAU, -TargetAU and -Basis apply to services: name them with -Service.");

    public static FtError UserIdentityMissing(object input) => new(nameof(UserIdentityMissing), FtErrorKind.InvalidArgument, input,
        "The object piped in has none of UserPrincipalName, UPN, WindowsLiveID, User, PrimarySmtpAddress or Mail, so it was not counted. " +
        "With Get-MgUser, add UserPrincipalName to -Property.");
}
