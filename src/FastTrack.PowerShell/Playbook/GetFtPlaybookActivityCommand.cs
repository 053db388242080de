using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Playbook;

[Cmdlet(VerbsCommon.Get, "FtPlaybookActivity")]
[OutputType(typeof(PlaybookActivity))]
public sealed class GetFtPlaybookActivityCommand : FtCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Activity")]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    [SupportsWildcards]
    public string[]? Service { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(CultureCompleter))]
    [PSDefaultValue(Help = "$PSUICulture")]
    public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var outcome in new PlaybookQuery(Context.Catalog).Activities(Name, Service, OutputCulture(Culture)))
        {
            WriteOutcome(outcome);
        }
    }
}
