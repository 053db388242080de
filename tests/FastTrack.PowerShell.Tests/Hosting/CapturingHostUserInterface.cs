using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>Records everything written to the host. Any prompt fails the test: the module must never
/// prompt in an unattended session.</summary>
internal sealed class CapturingHostUserInterface : PSHostUserInterface
{
    private readonly StringBuilder _text = new();
    private readonly CapturingRawUserInterface _raw = new();

    public string Text { get { lock (_text) return _text.ToString(); } }
    public void Clear() { lock (_text) _text.Clear(); }

    public override PSHostRawUserInterface RawUI => _raw;

    // Views are asserted as text, so the table headers' ANSI styling is dropped as a plain console would.
    private static readonly Regex s_ansi = new(@"\x1b\[[0-9;]*m");

    public override void Write(string value) { lock (_text) _text.Append(s_ansi.Replace(value, "")); }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
    public override void WriteLine(string value) { lock (_text) _text.Append(s_ansi.Replace(value, "")).Append('\n'); }
    public override void WriteErrorLine(string value) => WriteLine("ERROR: " + value);
    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
    public override void WriteProgress(long sourceId, ProgressRecord record) { }

    public override string ReadLine() => throw new InvalidOperationException("The module prompted (ReadLine).");
    public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("The module prompted (ReadLineAsSecureString).");
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new InvalidOperationException($"The module prompted: {caption} {message}");
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
        throw new InvalidOperationException($"The module prompted for a choice: {caption} {message}");
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new InvalidOperationException("The module prompted for a credential.");
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new InvalidOperationException("The module prompted for a credential.");
}
