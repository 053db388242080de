using System;
using System.Globalization;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>What one invocation of a cmdlet works with, resolved once when it is first needed: the playbook, the
/// time (one instant for the whole invocation, so a run across midnight does not mix two days), the culture of
/// names and messages, and the tenants connected. The core receives these as arguments; it reads no clock,
/// culture or connection of its own.</summary>
public sealed class InvocationContext
{
    public InvocationContext(PlaybookCatalog catalog, Func<DateTimeOffset> clock, CultureInfo culture, ConnectionRegistry connections)
    {
        Catalog = catalog;
        Clock = clock;
        Now = clock();
        Culture = culture;
        Connections = connections;
    }

    public PlaybookCatalog Catalog { get; }
    public Func<DateTimeOffset> Clock { get; }
    public DateTimeOffset Now { get; }
    /// <summary>The local calendar day of <see cref="Now"/>: what "today" means to the person running the command.</summary>
    public DateTime Today => Now.DateTime.Date;
    public CultureInfo Culture { get; }
    public ConnectionRegistry Connections { get; }
    /// <summary>Who makes a change, as the plan records it.</summary>
    public string User => Environment.UserName;
}
