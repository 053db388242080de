using System.IO;

namespace FastTrack.Core.UsageReports;

/// <summary>Opens a report's bytes as rows: JSON pages when they start with '{' (Graph's JSON reports, as the Graph
/// source caches them), CSV otherwise (every export of the admin center, and Graph's CSV downloads). The bytes
/// decide, not where they came from: a Copilot report may be Graph's JSON or the admin center's CSV.</summary>
internal static class ReportRows
{
    public static IReportRows Open(Stream stream, string name, ReportDefinition definition) =>
        definition.IsJson && StartsWithJson(stream) ? new JsonReportRows(stream, name, definition) : new CsvReportRows(stream, name);

    /// <summary>Whether the first character after a byte order mark and white space is '{'. The stream is left
    /// where it was; one that cannot seek is taken as JSON (only the Graph source gives such a stream, and it
    /// fetches JSON).</summary>
    public static bool StartsWithJson(Stream stream)
    {
        if (!stream.CanSeek) return true;
        var start = stream.Position;
        try
        {
            var head = new byte[64];
            var length = stream.Read(head, 0, head.Length);
            var i = length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
            while (i < length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
            return i < length && head[i] == (byte)'{';
        }
        finally
        {
            stream.Position = start;
        }
    }
}
