using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.KeyInputs;

/// <summary>What getOffice365ActiveUserCounts(period='D180') says of each service: the first day of the report,
/// and the first day with an active user. A service used on few days has days without users, so one quiet day
/// says nothing: only after <see cref="QuietDays"/> days without any user (the AU window) does the report show the
/// start of the service's use. Sooner, it was in use before the report began, since a date it cannot tell.</summary>
public sealed class DailyActivity
{
    public DailyActivity(string source, DateTime firstDay, DateTime lastDay, IReadOnlyDictionary<M365Service, DateTime> firstActive)
    {
        Source = source;
        FirstDay = firstDay;
        LastDay = lastDay;
        FirstActive = firstActive;
    }

    /// <summary>Days without any user that must open the report before its first user marks a start.</summary>
    public const int QuietDays = 28;

    public string Source { get; }
    public DateTime FirstDay { get; }
    public DateTime LastDay { get; }
    /// <summary>Each service with an active user in the period, and the first day it had one.</summary>
    public IReadOnlyDictionary<M365Service, DateTime> FirstActive { get; }

    /// <summary>The day the service was first used, when the report shows it starting (<see cref="QuietDays"/> quiet days first).</summary>
    public DateTime? FirstUse(M365Service service) =>
        FirstActive.TryGetValue(service, out var day) && day >= FirstDay.AddDays(QuietDays) ? day : null;

    /// <summary>Whether the service had users within <see cref="QuietDays"/> of the report's first day: in use before it.</summary>
    public bool InUseBefore(M365Service service) => FirstActive.TryGetValue(service, out var day) && day < FirstDay.AddDays(QuietDays);
}
