using System.Globalization;
using System.Management.Automation.Host;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>A PSHost whose UI writes to a buffer, so tests can read what Out-Default, -WhatIf and
/// Write-Host show a person.</summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingHostUserInterface _ui = new();
    private readonly Guid _id = Guid.NewGuid();

    public CapturingHost(CultureInfo culture)
    {
        CurrentCulture = culture;
        CurrentUICulture = culture;
    }

    public string Text => _ui.Text;
    public void Clear() => _ui.Clear();

    public override CultureInfo CurrentCulture { get; }
    public override CultureInfo CurrentUICulture { get; }
    public override Guid InstanceId => _id;
    public override string Name => "FastTrackTestHost";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}
