using System.Globalization;
using FastTrack.Core.Sample;

namespace FastTrack.GraphEmulator;

/// <summary>Runs the emulator in a process of its own:
/// <c>FastTrack.GraphEmulator --tenant-id GUID --customer NAME --domain DOMAIN --users N --last-day yyyy-MM-dd --token TOKEN
/// [--copilot-page-size 100] [--latency-ms 100] [--bandwidth-mb-per-s 50] [--portfolio 200 --portfolio-users 400] [--warm]</c>.
/// Its managed identity endpoint (IDENTITY_ENDPOINT) is &lt;base address&gt;msi/token, handing out TOKEN; its Key Vault
/// serves the certificate fasttrack-app at &lt;base address&gt;certificates/fasttrack-app to that token.
/// Bandwidth is in megabytes (10^6 bytes) per second, one link shared by every report body. A portfolio adds
/// tenants 1..N (<see cref="Portfolio"/>), tenant i to the bearer of "TOKEN-000i". --warm makes every report
/// before serving. Prints "READY &lt;base address&gt;" and serves until its standard input closes.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        double Number(string name, string fallback) => double.Parse(Arg(name, fallback), CultureInfo.InvariantCulture);
        var lastDay = DateTime.ParseExact(Arg("last-day", DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = new SampleTenantOptions
        {
            Users = (int)Number("users", "400"),
            LastDay = lastDay,
            TenantId = Guid.Parse(Arg("tenant-id", SampleTenantOptions.ContosoTenantId.ToString())),
            Customer = Arg("customer", "Contoso"),
            Domain = Arg("domain", "contoso.com"),
            CopilotPageSize = (int)Number("copilot-page-size", "100"),
        };
        var token = Arg("token", "emulator-token");
        using var emulator = new GraphEmulator(new SampleTenant(options));
        emulator.AcceptedTokens.Add(token);
        emulator.IdentityToken = token;
        emulator.Latency = TimeSpan.FromMilliseconds(Number("latency-ms", "0"));
        if (Number("bandwidth-mb-per-s", "0") is var mb && mb > 0) emulator.BandwidthBytesPerSecond = (long)(mb * 1_000_000);
        for (var i = 1; i <= (int)Number("portfolio", "0"); i++)
            emulator.AddTenant(new SampleTenant(Portfolio.Tenant(i, (int)Number("portfolio-users", "400"), lastDay)), Portfolio.Token(token, i));
        if (args.Contains("--warm")) Parallel.ForEach(emulator.Tenants, tenant => tenant.Warm());
        emulator.Start();
        Console.WriteLine("READY " + emulator.BaseAddress);
        Console.Out.Flush();
        while (Console.In.ReadLine() is not null) { }
        return 0;
    }
}
