using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Measurement;
using FastTrack.Core.Usage;

namespace FastTrack.PowerShell.Usage;

// Rows of one usage report piped in from Import-Csv: measured on the licensed-users basis (rows carry no
// subscriptions), for a plan when -TenantId names one.
public sealed partial class MeasureFtActiveUsageCommand
{
    private const string PipedRows = "the report rows piped in";
    private readonly List<Dictionary<string, string?>> _rows = new();
    private readonly List<PSObject> _unidentified = new();

    private bool HasRows => _rows.Count > 0;

    private void CollectRow(PSObject row)
    {
        _unidentified.Add(row);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in row.Properties)
        {
            if (property.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property)
                values[property.Name] = property.Value?.ToString();
        }
        _rows.Add(values);
    }

    private void MeasureRows()
    {
        var plan = TenantId is { } tenantId ? Store.Read(tenantId) : null;
        var scan = ActiveUsageCalculator.ScanRows(_rows[0], _rows.Skip(1), PipedRows);
        var results = new PlanMeasurement(Context.Catalog, plan, Services(), Basis ?? UsageBasis.LicensedUsers, Force).Measure(scan);
        Emit(results, PipedRows);
        if (Save) SaveSnapshots(plan, results);
    }
}
