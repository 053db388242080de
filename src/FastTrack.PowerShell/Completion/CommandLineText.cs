using System;
using System.Globalization;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Text going to and coming from the command line, by PowerShell's own rules. A completion is
/// typed back as code: a customer named <c>Zed’ (New-Item x) ’</c> must come back as one string, not
/// as a command. PowerShell closes a single-quoted string at any of ' ‘ ’ ‚ ‛, so escaping only the
/// ASCII quote, or guessing from a list of characters, lets a crafted name run code.</summary>
internal static class CommandLineText
{
    // Every quote character that opens or closes a PowerShell string (CharExtensions.IsSingleQuote/IsDoubleQuote).
    private const string Quotes = "'\u2018\u2019\u201A\u201B\"\u201C\u201D\u201E";

    /// <summary>The text as it must be typed to reach a parameter unchanged: as is when the parser reads it
    /// back as that very word (Teams, contoso.com, a tenant id, 3741), single-quoted otherwise.</summary>
    public static string Quote(string text) =>
        IsBareword(text) ? text : "'" + CodeGeneration.EscapeSingleQuotedStringContent(text) + "'";

    /// <summary>What the user typed, without the quotes around it. PowerShell 7 hands a quoted word over as
    /// its value between ASCII quotes ('Zed’' for ‘Zed’’); Windows PowerShell hands over the token as typed,
    /// possibly unterminated and opened by any quote character.</summary>
    public static string Unquote(string wordToComplete)
    {
        var word = wordToComplete;
        if (word.Length > 0 && Quotes.IndexOf(word[0]) >= 0)
        {
            word = word.Substring(1);
            if (word.Length > 0 && Quotes.IndexOf(word[word.Length - 1]) >= 0) word = word.Substring(0, word.Length - 1);
        }
        return word;
    }

    // The parser decides, not a list of characters: `x <text>` must be one command with exactly one argument,
    // a bareword or a number literal whose value is the text itself. Anything else (two words, a subexpression,
    // a variable, a parameter name, a backtick, 1kb, 0x10, a quote of any kind) is quoted.
    private static bool IsBareword(string text)
    {
        if (text.Length == 0) return false;
        var ast = Parser.ParseInput("x " + text, out _, out var errors);
        if (errors.Length > 0 || ast.EndBlock is not { Statements.Count: 1 } end) return false;
        if (end.Statements[0] is not PipelineAst { PipelineElements.Count: 1 } pipeline) return false;
        if (pipeline.PipelineElements[0] is not CommandAst { CommandElements.Count: 2, Redirections.Count: 0 } command) return false;
        return command.CommandElements[1] switch
        {
            StringConstantExpressionAst s => s.StringConstantType == StringConstantType.BareWord && s.Value == text,
            ConstantExpressionAst n => Convert.ToString(n.Value, CultureInfo.InvariantCulture) == text,
            _ => false,
        };
    }
}
