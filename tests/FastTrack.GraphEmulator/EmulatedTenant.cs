using System.Collections.Concurrent;
using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.GraphEmulator;

/// <summary>A tenant the emulator serves: the sample tenant, its twin with concealed names, and each report's
/// bytes, made once (a 100,000-user report takes longer to make than to send; benchmarks time the sending).</summary>
public sealed class EmulatedTenant
{
    private readonly SampleTenant _concealed;
    private readonly ConcurrentDictionary<(ReportKind Kind, DateTime Day, bool Concealed), Lazy<byte[]>> _reports = new();

    public EmulatedTenant(SampleTenant tenant)
    {
        Tenant = tenant;
        var options = tenant.Options;
        _concealed = new SampleTenant(new SampleTenantOptions
        {
            Seed = options.Seed, Users = options.Users, LastDay = options.LastDay, Days = options.Days, TenantId = options.TenantId,
            Customer = options.Customer, Domain = options.Domain, ConcealedNames = true,
        });
    }

    public SampleTenant Tenant { get; }
    public Guid Id => Tenant.Options.TenantId;

    public byte[] Report(ReportKind kind, DateTime day, bool concealed) =>
        _reports.GetOrAdd((kind, day.Date, concealed), key => new Lazy<byte[]>(() =>
        {
            var body = new MemoryStream();
            (key.Concealed ? _concealed : Tenant).WriteReport(key.Kind, key.Day, body);
            return body.ToArray();
        })).Value;

    private readonly ConcurrentDictionary<(DateTime Day, bool Concealed), Lazy<IReadOnlyList<string>>> _copilotPages = new();

    /// <summary>The Copilot report's JSON pages of a day, made once; <paramref name="nextLink"/> gives a page's address by its number.</summary>
    public IReadOnlyList<string> CopilotPages(DateTime day, bool concealed, Func<int, string> nextLink) =>
        _copilotPages.GetOrAdd((day.Date, concealed), key => new Lazy<IReadOnlyList<string>>(() =>
            (key.Concealed ? _concealed : Tenant).CopilotPages(key.Day, nextLink).ToList())).Value;

    /// <summary>Makes every report of the newest day now, so the first request does not pay for it.</summary>
    public void Warm(bool concealed = false)
    {
        foreach (var kind in Enum.GetValues<ReportKind>()) Report(kind, Tenant.Options.LastDay, concealed);
    }
}
