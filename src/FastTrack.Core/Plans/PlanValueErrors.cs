using System;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>Every value a plan may not hold, found by <see cref="PlanValidator"/> before a write and after a read:
/// one id (the method's name) and one text each, naming the field and the value.</summary>
public static class PlanValueErrors
{
    public static FtError InvalidTenantId(Guid tenantId) => new(nameof(InvalidTenantId), FtErrorKind.InvalidArgument, tenantId,
        $"The tenant id must be a tenant's GUID, not {tenantId}.");

    public static FtError InvalidCustomer(string? customer) => new(nameof(InvalidCustomer), FtErrorKind.InvalidArgument, customer,
        "The customer name must not be empty.");

    public static FtError InvalidEmail(string email) => new(nameof(InvalidEmail), FtErrorKind.InvalidArgument, email,
        $"'{email}' is not an e-mail address.");

    public static FtError TargetOutOfRange(M365Service service, double target) => new(nameof(TargetOutOfRange), FtErrorKind.InvalidArgument, target,
        $"The target AU of {service} must be between 0 and 100 (it was {target}).");

    public static FtError BaselineOutOfRange(M365Service service, double baseline) => new(nameof(BaselineOutOfRange), FtErrorKind.InvalidArgument, baseline,
        $"The baseline AU of {service} must be between 0 and 100 (it was {baseline}).");

    /// <summary>Two dates the wrong way round: "{later} on {date}, before {earlier} on {date}".</summary>
    public static FtError DatesOutOfOrder(object target, string later, DateTime laterDate, string earlier, DateTime earlierDate) =>
        new(nameof(DatesOutOfOrder), FtErrorKind.InvalidArgument, target, $"{later} on {laterDate:yyyy-MM-dd}, before {earlier} on {earlierDate:yyyy-MM-dd}.");

    public static FtError DuplicateSuccessMetric(string name) => new(nameof(DuplicateSuccessMetric), FtErrorKind.InvalidArgument, name,
        $"The success metric '{name}' is defined twice.");

    public static FtError InvalidSuccessMetric(SuccessMetric metric) => new(nameof(InvalidSuccessMetric), FtErrorKind.InvalidArgument, metric,
        "A success metric needs a name.");

    public static FtError InvalidBlocker(int id) => new(nameof(InvalidBlocker), FtErrorKind.InvalidArgument, id,
        $"Blocker #{id} needs a description.");

    /// <summary>A list with an entry that is not there: <paramref name="entry"/> says which ("a null entry (item 3)").</summary>
    public static FtError PlanListHole(string list, string entry) => new(nameof(PlanListHole), FtErrorKind.InvalidArgument, list,
        $"'{list}' holds {entry}.");

    public static FtError PlanListMissing(string list) => new(nameof(PlanListMissing), FtErrorKind.InvalidArgument, list,
        $"'{list}' is null; it must be present (a list may be empty).");

    /// <summary>One identity listed more than once ("Blocker #1", "Task 3731 for Teams").</summary>
    public static FtError DuplicateEntry(object target, string entry, int count) => new(nameof(DuplicateEntry), FtErrorKind.InvalidArgument, target,
        $"{entry} is listed {count} times; each is listed once.");

    /// <summary>A number out of its range: "{what} is {value}; {allowed}".</summary>
    public static FtError ValueOutOfRange(object? target, string what, string value, string allowed) => new(nameof(ValueOutOfRange), FtErrorKind.InvalidArgument, target,
        $"{what} is {value}; {allowed}.");
}
