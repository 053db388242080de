using System;

namespace FastTrack.Core.Time;

/// <summary>The clock the core uses when none is given. Everything that asks the time takes a
/// <c>Func&lt;DateTimeOffset&gt;</c> (the cmdlets pass their invocation's, tests a fixed one): a delegate rather than
/// TimeProvider, whose assembly the cmdlet layer must not reference (it would bind outside the module's private
/// load context).</summary>
public static class SystemClock
{
    public static readonly Func<DateTimeOffset> Now = () => DateTimeOffset.Now;
}
