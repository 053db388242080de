using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.Core.AdoptionReports;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Reports;

/// <summary>Writes the adoption report of one plan, or the portfolio page of the plans piped in, as a
/// self-contained HTML file (or Markdown).</summary>
[Cmdlet(VerbsData.Export, "FtAdoptionReport", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(FileInfo))]
public sealed class ExportFtAdoptionReportCommand : FtPlanInputCmdlet
{
    private readonly List<CustomerPlan> _plans = new();

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Html, Markdown or Excel; by default from the path's extension (.md, .xlsx), else Html.</summary>
    [Parameter] [PSDefaultValue(Help = "Markdown for a path ending in .md, Excel for .xlsx, else Html")] public ReportFormat? Format { get; set; }

    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    /// <summary>Overwrite an existing file.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing()
    {
        var path = Require(() => ExportFile.Resolve(SessionState, Path, Force));
        if (_plans.Count == 0)
        {
            // Never an empty portfolio over yesterday's: no plan was read (the errors above say why).
            ThrowFtError(CmdletErrors.NoPlanToReport(path));
        }
        var format = Format ?? FormatOf(path);
        var what = _plans.Count == 1 ? $"the adoption report of {_plans[0].Customer}" : $"the adoption portfolio of {_plans.Count} customers";
        if (!ShouldProcess(path, $"Write {what} ({format})")) return;
        var report = AdoptionReport.For(_plans, Context.Catalog, Context.Now, OutputCulture(Culture));
        if (format == ReportFormat.Excel)
        {
            Require(() => ExportFile.Write(path, stream => ExcelAdoptionReport.Write(report, stream)));
        }
        else
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            if (format == ReportFormat.Markdown) MarkdownAdoptionReport.Write(report, text);
            else HtmlAdoptionReport.Write(report, text);
            Require(() => ExportFile.Write(path, text.ToString()));
        }
        if (PassThru) WriteObject(ExportFile.Item(SessionState, path));
    }

    private static ReportFormat FormatOf(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Markdown
        : path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Excel
        : ReportFormat.Html;
}
