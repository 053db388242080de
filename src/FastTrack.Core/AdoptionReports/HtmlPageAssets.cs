using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The page's style sheet and its one script (sorting the portfolio table by the clicked column,
/// numbers by data-sort), kept beside the code as CSS and JavaScript files and embedded in the assembly.
/// They are read once, and the page embeds them exactly as read: the Content-Security-Policy names the
/// script by the hash of that text, so the two cannot drift apart.</summary>
internal static class HtmlPageAssets
{
    public static readonly string Style = Read("adoption-report.css");

    public static readonly string SortScript = Read("sort-table.js");

    /// <summary>The CSP source that allows <see cref="SortScript"/> and nothing else.</summary>
    public static readonly string SortScriptHash = "sha256-" + Convert.ToBase64String(Sha256(SortScript));

    private static string Read(string fileName)
    {
        var name = "FastTrack.Core.AdoptionReports." + fileName;
        using var stream = typeof(HtmlPageAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded '{name}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Sha256(string text)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
    }
}
