using FastTrack.Core.Errors;

namespace FastTrack.Core.KeyInputs;

/// <summary>Every way finding key inputs fails: one id (the method's name) and one text each.</summary>
public static class KeyInputErrors
{
    public static FtError OrganizationUnreadable(string source, string problem) => new(nameof(OrganizationUnreadable), FtErrorKind.InvalidData, source,
        $"'{source}' is not the organization as Graph answers GET /organization: {problem}.");

    public static FtError ActiveUserCountsUnreadable(string source, int line, string problem) => new(nameof(ActiveUserCountsUnreadable), FtErrorKind.InvalidData, source,
        $"'{source}', line {line}: {problem}. Download getOffice365ActiveUserCounts(period='D180') again, unedited.");

    public static FtError KeyInputSourceHasNoHistory(string source) => new(nameof(KeyInputSourceHasNoHistory), FtErrorKind.InvalidOperation, source,
        $"{source} has no service plan history nor daily activity: key inputs are found from a connected tenant " +
        "(Connect-FtTenant) or the sample tenant (-Sample). Enter the dates with Set-FtCustomerPlan -EnabledOn.");

    public static FtError KeyInputTenantNotConnected(string customer, System.Guid tenantId) => new(nameof(KeyInputTenantNotConnected), FtErrorKind.ResourceUnavailable, customer,
        $"The tenant of {customer} ({tenantId}) is not connected: run Connect-FtTenant -TenantId {tenantId}, then Find-FtKeyInput again (or -Sample to read the sample tenant).");

    public static FtError KeyInputChangedSince(string customer, string service, string seen, string now) => new(nameof(KeyInputChangedSince), FtErrorKind.InvalidOperation, customer,
        $"The enabled date of {service} for {customer} changed since it was found ({seen} then, {now} now): run Find-FtKeyInput again, or use -Force to set it anyway.");
}
