<#
.SYNOPSIS
    The script a user would write: active and licensed users per service from the Microsoft 365 active-user
    report (getOffice365ActiveUserDetail), in the style of the best-known community user-activity scripts.
.DESCRIPTION
    The peer of Measure-FtActiveUsage in bench/README.md, not part of the module. It reads the whole export
    with Import-Csv into a variable, then walks it with a foreach, casting dates with [datetime] and counting
    in hashtables. Its rules are the module's (README, "Measured against the script a user would write"):
    deleted users are left out; a user is active for a service when the service's last activity date falls in
    the 28 days ending on the report's refresh date; licensed when "Has <service> License" is True; an
    active user is counted as active whether or not still licensed, on both bases.
#>
param([Parameter(Mandatory)] [string] $Path)

$rows = Import-Csv -Path $Path
$refresh = [datetime]$rows[0].'Report Refresh Date'
$from = $refresh.AddDays(-27)
$services = 'Exchange', 'OneDrive', 'SharePoint', 'Yammer', 'Teams'
$active = @{}
$licensed = @{}
foreach ($service in $services) { $active[$service] = 0; $licensed[$service] = 0 }

foreach ($row in $rows) {
    if ($row.'Is Deleted' -eq 'True') { continue }
    foreach ($service in $services) {
        if ($row."Has $service License" -eq 'True') { $licensed[$service]++ }
        $last = $row."$service Last Activity Date"
        if ($last) {
            $date = [datetime]$last
            if ($date -ge $from -and $date -le $refresh) { $active[$service]++ }
        }
    }
}

foreach ($service in $services) {
    [pscustomobject]@{ Service = $service; ActiveUsers = $active[$service]; Licensed = $licensed[$service] }
}
