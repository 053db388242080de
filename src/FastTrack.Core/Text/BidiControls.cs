using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FastTrack.Core.Text;

/// <summary>The invisible characters that steer the direction of text: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). A right-to-left override
/// (U+202E) in a customer name reverses whatever follows it, the report's own words included. User text
/// is kept to itself by balancing its controls where it joins a sentence of the module's, by isolating it
/// too where markup can (HTML), and by showing the controls where nothing can isolate (Markdown).</summary>
internal static class BidiControls
{
    private const char Pdf = '\u202C', Pdi = '\u2069';

    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool AnyIn(string text)
    {
        foreach (var c in text)
        {
            if (IsBidiControl(c)) return true;
        }
        return false;
    }

    /// <summary>The text with every bidi control replaced by its code point in brackets ([U+202E]): a reader
    /// sees it was there, and nothing around it is reordered.</summary>
    public static string Reveal(string text)
    {
        if (!AnyIn(text)) return text;
        var revealed = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsBidiControl(c)) revealed.Append("[U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            else revealed.Append(c);
        }
        return revealed.ToString();
    }

    /// <summary>The text with its embeddings, overrides and isolates closed within it: a terminator that
    /// closes nothing the text opened is dropped, and whatever is still open at its end is closed, so the
    /// words after it keep their order. The marks (U+200E, U+200F, U+061C) have no reach and are kept, as is
    /// every control of a text that opens and closes its own. Isolating alone is not enough: a stray U+2069
    /// inside &lt;bdi&gt; closes the bdi's own isolate in Chromium, and a U+202E after it reverses the rest
    /// of the line.</summary>
    public static string Balance(string text)
    {
        if (!AnyIn(text)) return text;
        var open = new Stack<char>();           // the closer each opener still waits for: PDF or PDI
        var balanced = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '\u202A' and <= '\u202B' or >= '\u202D' and <= '\u202E':
                    open.Push(Pdf);
                    break;
                case >= '\u2066' and <= '\u2068':
                    open.Push(Pdi);
                    break;
                case Pdf when open.Count > 0 && open.Peek() == Pdf:
                    open.Pop();
                    break;
                case Pdf:
                    continue;                   // closes nothing the text opened: left in, it would close the page's
                case Pdi when open.Contains(Pdi):
                    while (open.Pop() != Pdi) { } // a PDI also ends the embeddings opened inside its isolate
                    break;
                case Pdi:
                    continue;                   // likewise: left in, it would close the <bdi> around the text
            }
            balanced.Append(c);
        }
        while (open.Count > 0) balanced.Append(open.Pop());
        return balanced.ToString();
    }
}
