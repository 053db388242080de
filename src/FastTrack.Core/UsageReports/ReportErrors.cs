using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;

namespace FastTrack.Core.UsageReports;

/// <summary>Every way a report is refused: one id (the method's name) and one text each. A message names the file
/// (or the rows piped in), the physical line where the row starts and the column, and says what to do. Nothing a
/// report holds is measured past one of these: a number from it would be wrong.</summary>
public static class ReportErrors
{
    private const string ExportAgain = "Export the report again from the Microsoft 365 admin center (Reports > Usage) or Graph";

    /// <summary>A date that is not ISO yyyy-MM-dd (or a full ISO timestamp), no day of the calendar, or a refresh
    /// date no real report has (before Microsoft 365's reports existed, or after today).</summary>
    public static FtError ReportDateInvalid(string source, string where, string column, string problem) => new(nameof(ReportDateInvalid), FtErrorKind.InvalidData, source,
        $"{Capital(where)}, column '{column}': {problem}. {ExportAgain}; if a spreadsheet program rewrote its dates, save them as yyyy-MM-dd.");

    /// <summary>A row of the wrong shape (too few or too many fields) or a value that is not what the column holds.</summary>
    public static FtError ReportRowMalformed(string source, string where, string problem) => new(nameof(ReportRowMalformed), FtErrorKind.InvalidData, source,
        $"{Capital(where)} {problem}.");

    public static FtError ReportRowTooLarge(string source, string where, int maxChars) => new(nameof(ReportRowTooLarge), FtErrorKind.InvalidData, source,
        $"{Capital(where)} starts a row of more than {maxChars:N0} characters; a usage report's rows have a few hundred. " +
        $"The file is damaged or is not a usage report (a quote that is never closed makes the rest of the file one field). {ExportAgain}.");

    public static FtError ReportTruncated(string source, string where, string column) => new(nameof(ReportTruncated), FtErrorKind.InvalidData, source,
        $"{Capital(where)} starts a row whose quoted field in column {column} is never closed before the file ends: the file is cut off (a download or copy that did not finish). {ExportAgain}.");

    public static FtError ReportUserDuplicated(string source, string user, string first, string second) => new(nameof(ReportUserDuplicated), FtErrorKind.InvalidData, source,
        $"'{source}' lists {user} twice, on {first} and {second}; a report has one row per user, and counting both would count the user twice. " +
        $"{ExportAgain}; if reports were joined or edited, remove the repeated row.");

    public static FtError ReportColumnDuplicated(string source, string function, string column, int first, int second) => new(nameof(ReportColumnDuplicated), FtErrorKind.InvalidData, source,
        $"'{source}' ({function}) has two columns named '{column}' (columns {first + 1} and {second + 1}): columns are read by name, so which one is right cannot be told. " +
        $"{ExportAgain}; if it was edited in a spreadsheet, remove the extra column.");

    public static FtError ReportColumnMissing(string source, string function, string column, IEnumerable<string> headers) => new(nameof(ReportColumnMissing), FtErrorKind.InvalidData, source,
        $"'{source}' ({function}) has no column '{column}'. Its columns are: {string.Join(", ", headers)}.");

    /// <summary>A report with its header and no user: measured, it would say 0% as of a day it does not have.</summary>
    public static FtError ReportEmpty(string source, string function) => new(nameof(ReportEmpty), FtErrorKind.InvalidData, source,
        $"'{source}' ({function}) has its header but no user rows, so it measures nothing (not 0%). {ExportAgain}; a tenant's report lists every user with a licence.");

    public static FtError ReportHeaderMissing(string source) => new(nameof(ReportHeaderMissing), FtErrorKind.InvalidData, source,
        $"'{source}' is empty: a usage report has at least its header row. {ExportAgain}.");

    public static FtError ReportFileUnreadable(string path, Exception ex) =>
        new(nameof(ReportFileUnreadable), ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError, path,
            $"'{path}' could not be read ({ex.Message}). Give your account read access to it, or move it out of the report folder.");

    public static FtError ReportFolderUnreadable(string folder, Exception ex) =>
        new(nameof(ReportFolderUnreadable), ex is UnauthorizedAccessException ? FtErrorKind.PermissionDenied : FtErrorKind.ReadError, folder,
            $"The report folder '{folder}' could not be listed ({ex.Message}). Give your account read access to it.");

    /// <summary>Reports that cannot be measured together; <paramref name="what"/> says how they differ
    /// ("'x.csv' mixes refresh dates …", "'folder' holds two getTeamsUserActivityUserDetail reports …").</summary>
    public static FtError ReportsMixed(object target, string what) => new(nameof(ReportsMixed), FtErrorKind.InvalidData, target,
        $"{what}. Measured together they would give a wrong AU: keep one tenant's reports, exported together and each once, in a folder of their own.");

    public static FtError ReportNotRecognised(string source, IEnumerable<string> headers) => new(nameof(ReportNotRecognised), FtErrorKind.InvalidData, source,
        $"{Capital(source)} are not rows of a usage detail report this module reads; their columns are {string.Join(", ", headers)}. The reports it reads: {ReportDefinition.Catalogue}.");

    /// <summary>Rows of a report that lists licences, not activity: alone, they would say 0%.</summary>
    public static FtError ReportHasNoActivity(string source, ReportDefinition definition) => new(nameof(ReportHasNoActivity), FtErrorKind.InvalidData, source,
        $"{Capital(source)} are rows of {definition.AdminCenterName} ({definition.GraphFunction}), which lists licences, not activity, so they measure no service. " +
        "Pipe the Microsoft 365 Apps usage report (getM365AppUserDetail), or measure a folder holding both with -Path.");

    /// <summary>A report Graph serves as JSON whose text is not JSON, or not a page of a report (an object with a 'value' array
    /// of items), or that ends in the middle of a page.</summary>
    public static FtError ReportJsonInvalid(string source, string where, string problem) => new(nameof(ReportJsonInvalid), FtErrorKind.InvalidData, source,
        $"{Capital(where)} {problem}. A Graph report in JSON is one page or its pages one after another, each an object with a 'value' array of users. " +
        $"Fetch the report again from Graph ($format=application/json), or export it as CSV from the Microsoft 365 admin center.");

    /// <summary>The last page of a JSON report says more follow (@odata.nextLink) and none does: users are missing.</summary>
    public static FtError ReportPagesMissing(string source, int pages) => new(nameof(ReportPagesMissing), FtErrorKind.InvalidData, source,
        $"'{source}' ends after page {pages}, whose @odata.nextLink says more pages follow: the users of those pages are missing, and counting without them " +
        "would give a lower AU. Fetch every page (follow @odata.nextLink until a page has none) and save them one after another.");

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
