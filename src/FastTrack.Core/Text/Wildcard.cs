using System;
using System.Text.RegularExpressions;

namespace FastTrack.Core.Text;

/// <summary>PowerShell-style wildcards (<c>*</c>, <c>?</c>, <c>[a-c]</c>), case-insensitive, for the
/// core's name filters. The core cannot use System.Management.Automation.WildcardPattern.</summary>
public sealed class Wildcard
{
    private readonly Regex? _regex;
    private readonly string _literal;

    public Wildcard(string pattern)
    {
        _literal = pattern;
        if (ContainsWildcard(pattern))
        {
            var body = Regex.Escape(pattern)
                .Replace(@"\*", ".*")
                .Replace(@"\?", ".")
                .Replace(@"\[", "[");
            _regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }

    public bool IsPattern => _regex is not null;

    public static bool ContainsWildcard(string text) => text.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    public bool IsMatch(string? candidate) =>
        candidate is not null && (_regex?.IsMatch(candidate) ?? string.Equals(candidate, _literal, StringComparison.OrdinalIgnoreCase));
}
