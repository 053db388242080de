using System.Net;
using System.Text.RegularExpressions;
using FastTrack.Core.Text;

namespace FastTrack.Core.AdoptionReports;

/// <summary>How text enters the report page: in an element, or where no element can go.</summary>
internal static class HtmlText
{
    private static readonly Regex LongWord = new(@"\S{30}", RegexOptions.Compiled);

    // Text in an element: encoded, its bidi controls balanced, and isolated in <bdi>, so that a right-to-left
    // override in a customer name, a note or a blocker cannot reorder the page's own text around it. Every
    // text goes through here, the module's labels too: a new call site cannot forget to isolate.
    // A word longer than any real one (a pasted token, a 100 KB name) is marked to break anywhere, so its
    // table column can be narrow; overflow-wrap:anywhere on all text would also squeeze short columns
    // ("Result") letter by letter, and break-word alone still lets a table grow as wide as the word.
    public static string E(string text) =>
        (LongWord.IsMatch(text) ? "<bdi class=\"long\">" : "<bdi>") + WebUtility.HtmlEncode(BidiControls.Balance(text)) + "</bdi>";

    // Where no element can go (an attribute, the <title>): encoded, bidi controls shown rather than obeyed.
    public static string Plain(string text) => WebUtility.HtmlEncode(BidiControls.Reveal(text));
}
