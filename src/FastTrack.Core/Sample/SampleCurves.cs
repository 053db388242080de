using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Sample;

/// <summary>The share of licensed users active in the 28-day window, per service, along the 180 days:
/// Teams climbs past 10%, Yammer is stuck under it, OneDrive stays low (the adoption-program
/// candidate), the rest are healthy; Microsoft 365 Copilot climbs from 6% of its licences to 46%.</summary>
internal static class SampleCurves
{
    /// <param name="progress">0 on the first day of history, 1 on the last.</param>
    public static double ActiveShare(M365Service service, double progress, int day) => service switch
    {
        M365Service.Teams => 0.04 + 0.27 * SmoothStep(progress),
        M365Service.Yammer => 0.058 + 0.008 * Math.Sin(day / 9.0),
        M365Service.OneDrive => 0.035 + 0.05 * progress,
        M365Service.OutlookMobile => 0.12 + 0.10 * progress,
        M365Service.SharePoint => 0.30 + 0.08 * progress,
        M365Service.Exchange => 0.80 + 0.06 * progress,
        M365Service.Microsoft365Apps => 0.52 + 0.12 * progress,
        // Copilot's users: few at first, half of them by the end as the rollout's training lands.
        M365Service.Microsoft365Copilot => 0.06 + 0.40 * SmoothStep(progress),
        _ => 0,
    };

    private static double SmoothStep(double x) => x * x * (3 - 2 * x);
}
