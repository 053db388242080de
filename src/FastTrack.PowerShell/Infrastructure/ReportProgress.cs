using System;
using System.Management.Automation;
using FastTrack.Core.Usage;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>Bytes read of a report as a progress bar. The scanner calls it on the pipeline thread (the
/// sequential paths only), every 16,384 rows.</summary>
internal sealed class ReportProgress : IProgress<UsageProgress>
{
    private readonly Cmdlet _cmdlet;
    private readonly int _id;
    private readonly string _activity;

    public ReportProgress(Cmdlet cmdlet, int id, string activity)
    {
        _cmdlet = cmdlet;
        _id = id;
        _activity = activity;
    }

    public void Report(UsageProgress value)
    {
        var mb = value.BytesRead / 1048576.0;
        var name = System.IO.Path.GetFileName(value.Report);
        var status = value.TotalBytes is { } total ? $"{name}: {mb:0.0} of {total / 1048576.0:0.0} MB" : $"{name}: {mb:0.0} MB";
        _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, status) { PercentComplete = value.Percent ?? -1 });
    }
}
