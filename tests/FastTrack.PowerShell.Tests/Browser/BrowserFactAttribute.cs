namespace FastTrack.PowerShell.Tests.Browser;

/// <summary>A test that needs Debian's Chromium. Without it the test is skipped, saying how to install it,
/// so a newcomer's first `dotnet test` is not red for a missing browser; CI sets FASTTRACK_REQUIRE_BROWSER=1
/// (.ci/run installs Chromium), and there a missing browser fails the test instead of skipping it.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.FindBinary() is null && Environment.GetEnvironmentVariable("FASTTRACK_REQUIRE_BROWSER") != "1")
            Skip = "Chromium is not installed: `sudo apt-get install chromium` (the README's one extra prerequisite).";
    }
}
