using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.Core.Portfolio;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Portfolio;

/// <summary>The portfolio ranked by adoption risk: one row per customer (every plan of the workspace, or those
/// piped in), its services against their targets, and a risk score with its reasons, riskiest first.</summary>
[Cmdlet(VerbsCommon.Get, "FtPortfolio", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(PortfolioEntry))]
public sealed class GetFtPortfolioCommand : FtPlanInputCmdlet
{
    private readonly List<CustomerPlan> _plans = new();

    /// <summary>Only the customers at Medium or High risk (a score of 20 or more).</summary>
    [Parameter] public SwitchParameter AtRisk { get; set; }

    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing()
    {
        var ranked = PortfolioTriage.Rank(_plans, Context.Catalog, Context.Today, OutputCulture(Culture));
        WriteObject(AtRisk ? ranked.Where(e => e.AtRisk) : ranked, enumerateCollection: true);
    }
}
