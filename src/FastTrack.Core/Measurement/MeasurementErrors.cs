using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Measurement;

/// <summary>Every error of measuring a plan and saving what was measured: one id (the method's name) and one
/// text each. They guard the plan's history: nothing of another tenant, and nothing partial unless asked.</summary>
public static class MeasurementErrors
{
    /// <summary>Nothing given and nothing connected, for a plan's customer or for no plan.</summary>
    public static FtError UsageSourceMissing(string? customer) => new(nameof(UsageSourceMissing), FtErrorKind.InvalidArgument, customer ?? "usage data",
        $"No usage data{(customer is null ? "" : $" for {customer}")}: connect its tenant with Connect-FtTenant (several tenants: name one with -TenantId), " +
        "or give -Path <folder of exported reports> or -Sample.");

    public static FtError ReportFolderExpected(string path) => new(nameof(ReportFolderExpected), FtErrorKind.InvalidArgument, path,
        $"'{path}' is a file. -Path takes the folder the reports were exported to; to measure one report, pipe it: Import-Csv '{path}' | Measure-FtActiveUsage.");

    public static FtError SourceTenantMismatch(string source, Guid sourceTenant, CustomerPlan plan) => new(nameof(SourceTenantMismatch), FtErrorKind.InvalidData, source,
        $"The data of {source} is tenant {sourceTenant}'s, but the plan of {plan.Customer} is for tenant {plan.TenantId}. Measure each tenant's plan with its own reports.");

    public static FtError ReportsOfAnotherOrganisation(CustomerPlan plan, IEnumerable<string> seen, IEnumerable<string> known) =>
        new(nameof(ReportsOfAnotherOrganisation), FtErrorKind.InvalidData, plan.TenantId,
            $"The reports' users are of {string.Join(", ", seen)}, but the plan of {plan.Customer} is for {string.Join(", ", known)}. " +
            "Nothing was measured into it: check the folder or connection. If the customer uses that domain, measure with -Force (or set the plan's -PrimaryDomain).");

    /// <summary>See <see cref="SnapshotPolicy"/>: some services failed, so none is saved unless -AllowPartial.</summary>
    public static FtError SnapshotIncomplete(CustomerPlan plan, IEnumerable<object?> failed) => new(nameof(SnapshotIncomplete), FtErrorKind.InvalidResult, plan.TenantId,
        $"No AU snapshot was saved to the plan of {plan.Customer}: {string.Join(", ", failed)} could not be measured. " +
        "Fix the errors above, or save what was measured with -AllowPartial.");

    public static FtError PlanRequiredToSave() => new(nameof(PlanRequiredToSave), FtErrorKind.InvalidArgument, "Save",
        "-Save records the measurement in a plan's history: pipe the plan in (Get-FtCustomerPlan ... | Measure-FtActiveUsage -Save) or give -TenantId.");
}
