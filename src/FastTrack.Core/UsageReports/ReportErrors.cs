using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;

namespace FastTrack.Core.UsageReports;

/// <summary>Every way a report is refused: one id and one text each. A message names the file (or the rows
/// piped in), the physical line where the row starts and the column, and says what to do. Nothing a report
/// holds is measured past one of these: a number from it would be wrong.</summary>
internal static class ReportErrors
{
    private const string ExportAgain = "Export the report again from the Microsoft 365 admin center (Reports > Usage) or Graph";

    /// <summary>A date that is not ISO yyyy-MM-dd (or a full ISO timestamp), or no day of the calendar.</summary>
    public static FtException DateInvalid(string source, string where, string column, string problem) =>
        Error("ReportDateInvalid", FtErrorKind.InvalidData, source,
            $"{Capital(where)}, column '{column}': {problem}. {ExportAgain}; if a spreadsheet program rewrote its dates, save them as yyyy-MM-dd.");

    /// <summary>A refresh date no real report has: before Microsoft 365's reports existed, or after today.</summary>
    public static FtException RefreshDateImplausible(string source, string where, DateTime date, string why) =>
        Error("ReportDateInvalid", FtErrorKind.InvalidData, source,
            $"{Capital(where)}, column '{ReportDefinition.RefreshDate}': {date:yyyy-MM-dd} {why}, so no 28-day window ends on it. {ExportAgain}, and check the computer's clock.");

    /// <summary>A row of the wrong shape (too few or too many fields) or a value that is not what the column holds.</summary>
    public static FtException RowMalformed(string source, string where, string problem) =>
        Error("ReportRowMalformed", FtErrorKind.InvalidData, source, $"{Capital(where)} {problem}.");

    public static FtException RowTooLarge(string source, string where, int maxChars) =>
        Error("ReportRowTooLarge", FtErrorKind.InvalidData, source,
            $"{Capital(where)} starts a row of more than {maxChars:N0} characters; a usage report's rows have a few hundred. " +
            $"The file is damaged or is not a usage report (a quote that is never closed makes the rest of the file one field). {ExportAgain}.");

    public static FtException Truncated(string source, string where, string column) =>
        Error("ReportTruncated", FtErrorKind.InvalidData, source,
            $"{Capital(where)} starts a row whose quoted field in column {column} is never closed before the file ends: the file is cut off (a download or copy that did not finish). {ExportAgain}.");

    public static FtException UserDuplicated(string source, string user, string first, string second) =>
        Error("ReportUserDuplicated", FtErrorKind.InvalidData, source,
            $"'{source}' lists {user} twice, on {first} and {second}; a report has one row per user, and counting both would count the user twice. " +
            $"{ExportAgain}; if reports were joined or edited, remove the repeated row.");

    public static FtException ColumnDuplicated(string source, string function, string column, int first, int second) =>
        Error("ReportColumnDuplicated", FtErrorKind.InvalidData, source,
            $"'{source}' ({function}) has two columns named '{column}' (columns {first + 1} and {second + 1}): columns are read by name, so which one is right cannot be told. " +
            $"{ExportAgain}; if it was edited in a spreadsheet, remove the extra column.");

    public static FtException ColumnMissing(string source, string function, string column, IEnumerable<string> headers) =>
        Error("ReportColumnMissing", FtErrorKind.InvalidData, source,
            $"'{source}' ({function}) has no column '{column}'. Its columns are: {string.Join(", ", headers)}.");

    /// <summary>A report with its header and no user: measured, it would say 0% as of a day it does not have.</summary>
    public static FtException Empty(string source, string function) =>
        Error("ReportEmpty", FtErrorKind.InvalidData, source,
            $"'{source}' ({function}) has its header but no user rows, so it measures nothing (not 0%). {ExportAgain}; a tenant's report lists every user with a licence.");

    public static FtException HeaderMissing(string source) =>
        Error("ReportHeaderMissing", FtErrorKind.InvalidData, source,
            $"'{source}' is empty: a usage report has at least its header row. {ExportAgain}.");

    public static FtException FileUnreadable(string path, Exception ex) =>
        Error("ReportFileUnreadable", ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError, path,
            $"'{path}' could not be read ({ex.Message}). Give your account read access to it, or move it out of the report folder.");

    public static FtException FolderUnreadable(string folder, Exception ex) =>
        Error("ReportFolderUnreadable", ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError, folder,
            $"The report folder '{folder}' could not be listed ({ex.Message}). Give your account read access to it.");

    /// <summary>A folder where no report the module reads has a user row: measured, it would print nothing.</summary>
    public static FtException NotFound(string folder, IReadOnlyCollection<SkippedFile> skipped) =>
        Error("ReportsNotFound", FtErrorKind.ObjectNotFound, folder,
            $"No usage report with user rows was found in '{folder}'. This module reads these user-detail reports, exported as CSV from the " +
            $"Microsoft 365 admin center (Reports > Usage) or Graph: {ReportDefinition.Catalogue}." +
            (skipped.Count == 0 ? " The folder has no CSV file." : $" Files passed over: {string.Join("; ", skipped.Select(s => $"'{System.IO.Path.GetFileName(s.Path)}' ({s.Why})"))}."));

    private static FtException Error(string id, FtErrorKind kind, string target, string message) => new FtError(id, kind, target, message).ToException();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
