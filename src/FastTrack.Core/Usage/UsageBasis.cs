namespace FastTrack.Core.Usage;

/// <summary>What active users are divided by. PaidUnits is FastTrack's "usage %" (MAU ÷ PAU) and the
/// default; LicensedUsers is what the Microsoft 365 admin center shows (shared/playbook/README.md, 1).</summary>
public enum UsageBasis
{
    PaidUnits,
    LicensedUsers,
}
