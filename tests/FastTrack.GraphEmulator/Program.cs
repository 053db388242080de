using System.Globalization;
using FastTrack.Core.Sample;

namespace FastTrack.GraphEmulator;

/// <summary>Runs the emulator in a process of its own:
/// <c>FastTrack.GraphEmulator --tenant-id GUID --customer NAME --domain DOMAIN --users N --last-day yyyy-MM-dd --token TOKEN</c>.
/// Prints "READY &lt;base address&gt;" and serves until its standard input closes.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var options = new SampleTenantOptions
        {
            Users = int.Parse(Arg("users", "400"), CultureInfo.InvariantCulture),
            LastDay = DateTime.ParseExact(Arg("last-day", DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TenantId = Guid.Parse(Arg("tenant-id", SampleTenantOptions.ContosoTenantId.ToString())),
            Customer = Arg("customer", "Contoso"),
            Domain = Arg("domain", "contoso.com"),
        };
        using var emulator = new GraphEmulator(new SampleTenant(options));
        emulator.AcceptedTokens.Add(Arg("token", "emulator-token"));
        emulator.Start();
        Console.WriteLine("READY " + emulator.BaseAddress);
        Console.Out.Flush();
        while (Console.In.ReadLine() is not null) { }
        return 0;
    }
}
