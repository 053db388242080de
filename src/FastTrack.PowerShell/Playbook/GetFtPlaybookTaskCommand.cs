using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Playbook;

[Cmdlet(VerbsCommon.Get, "FtPlaybookTask")]
[OutputType(typeof(PlaybookTask))]
public sealed class GetFtPlaybookTaskCommand : FtCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public int[]? Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    [SupportsWildcards]
    public string[]? Service { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [SupportsWildcards]
    public string[]? Activity { get; set; }

    /// <summary>Present: mandatory tasks only; -Mandatory:$false: optional tasks only.</summary>
    [Parameter]
    public SwitchParameter Mandatory { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(CultureCompleter))]
    [PSDefaultValue(Help = "$PSUICulture")]
    public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord()
    {
        bool? mandatory = MyInvocation.BoundParameters.ContainsKey(nameof(Mandatory)) ? Mandatory.IsPresent : null;
        foreach (var outcome in new PlaybookQuery(Context.Catalog).Tasks(Id, Service, Activity, mandatory, OutputCulture(Culture)))
        {
            WriteOutcome(outcome);
        }
    }
}
